package dev.mlops.cli.runs;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.StoreProblem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by the runs subcommands; opens the store read-mostly. */
final class StoreOption {
  /** Default store directory: {@value} (the demo writes its runs to mlops-out/demo/runs). */
  static final String DEFAULT_STORE = "mlops-runs";

  @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
      description = "Experiment store directory (default: ${DEFAULT-VALUE}).")
  Path store;

  /** Opens an existing store and prints what could not be read to {@code err}. */
  FileTracker open(PrintWriter err) {
    if (!Files.isDirectory(store) || !Files.exists(store.resolve("mlops-store.json"))) {
      throw new IllegalArgumentException("no experiment store at " + store.toAbsolutePath()
          + " (give --store DIR; ./mlops demo writes one to mlops-out/demo/runs)");
    }
    FileTracker tracker = FileTracker.open(store);
    for (StoreProblem p : tracker.problems()) {
      err.println("note: " + p);
    }
    return tracker;
  }
}
