package dev.mlops.cli.runs;

/** Output formats of the runs subcommands. */
enum OutputFormat {
  /** Aligned text for people. */
  TEXT,
  /** JSON for programs. */
  JSON
}
