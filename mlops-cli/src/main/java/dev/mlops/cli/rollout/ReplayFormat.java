package dev.mlops.cli.rollout;

/** Output formats of {@code rollout replay}. */
enum ReplayFormat {
  /** Lines for people. */
  TEXT,
  /** The JSON contract of the issue. */
  JSON
}
