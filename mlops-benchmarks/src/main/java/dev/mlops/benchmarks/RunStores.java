package dev.mlops.benchmarks;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.experiments.ActiveRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * Experiment stores of finished runs for the search benchmarks, created once per machine and
 * size and reused by every fork: each run is fsynced when it ends, so 10,000 runs take a minute
 * or more to create, which JMH would otherwise pay in every fork of every method. A store is
 * built in a temporary directory and renamed into place when complete, so a half-built store is
 * never reused. The benchmarks only read the stores.
 *
 * <p>Thread-safe for distinct sizes; concurrent creators of one size both build it and the
 * first rename wins.
 */
public final class RunStores {
  /** The filter both search benchmarks use. */
  public static final String FILTER = "metrics.rmse < 0.5 and params.model = 'tree'";

  private RunStores() {}

  /**
   * Returns the directory of a store with {@code runs} finished runs of experiment {@code bench},
   * each with params {@code model} (one of tree, linear, forest, svm) and {@code lr}, and metrics
   * {@code rmse} and {@code accuracy}; seed 11.
   *
   * @param runs number of runs
   * @return the store directory under {@code java.io.tmpdir}
   */
  public static Path finished(int runs) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"),
        "mlops-bench-runs-v" + FileTracker.STORE_VERSION + "-" + runs);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    try {
      Path building = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".building");
      Random random = new Random(11);
      String[] models = {"tree", "linear", "forest", "svm"};
      try (FileTracker t = FileTracker.open(config(building))) {
        for (int i = 0; i < runs; i++) {
          try (ActiveRun run = t.startRun("bench", "run-" + i)) {
            run.logParam("model", models[random.nextInt(models.length)])
                .logParam("lr", Double.toString(random.nextDouble()));
            run.logMetric("rmse", random.nextDouble()).logMetric("accuracy", random.nextDouble());
          }
        }
      }
      Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) {
        throw new UncheckedIOException("cannot create the benchmark store " + dir, e);
      }
    }
    return dir;
  }

  /**
   * The configuration the benchmarks open a store with (no git lookup).
   *
   * @param dir the store directory
   * @return the configuration
   */
  public static FileTrackerConfig config(Path dir) {
    return FileTrackerConfig.builder(dir).gitDirectory(null).build();
  }
}
