package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Experiments" example, kept compiling and true. */
class ExperimentsExampleTest {
  @TempDir Path dir;

  @Test
  void recordSearchAndCompare() {
    // README: experiments
    try (FileTracker tracker = FileTracker.open(dir.resolve("runs"))) {   // crash-safe local store
      for (String model : List.of("tree", "linear")) {
        try (ActiveRun run = tracker.startRun(RunSpec.of("churn", model).withSeed(42))) {
          run.logParam("model", model);
          for (int epoch = 0; epoch < 3; epoch++) {
            run.logMetric("rmse", (model.equals("tree") ? 0.5 : 0.9) / (epoch + 1), epoch);
          }
        }                                                  // ends the run as FINISHED
      }
      List<RunRecord> best = tracker.searchRuns(List.of("churn"),
          "metrics.rmse < 0.25 and params.model = 'tree'", List.of("metrics.rmse ASC"), 10);
      var diff = tracker.compareRuns(List.of(best.get(0).runId(),
          tracker.searchRuns(List.of("churn"), "params.model = 'linear'", List.of(), 1).get(0).runId()));

      assertThat(best).extracting(RunRecord::runName).containsExactly("tree");
      assertThat(best.get(0).tags()).containsEntry("mlops.seed", "42").containsKey("mlops.java.version");
      assertThat(diff.differingParams()).containsKey("model");
      assertThat(diff.metrics().get("rmse").get(0).orElseThrow().min()).isEqualTo(0.5 / 3);
    }
  }

  @Test
  void readmeExperimentsExampleAsWritten() {
    String otherRunId;
    try (FileTracker tracker = FileTracker.open(dir.resolve("mlops-runs"));
        ActiveRun other = tracker.startRun(RunSpec.of("churn", "linear"))) {
      other.logParam("model", "linear");
      otherRunId = other.runId();
    }
    // README: experiments, as printed (the store under the test's temp folder)
    try (FileTracker tracker = FileTracker.open(dir.resolve("mlops-runs"))) {
      try (ActiveRun run = tracker.startRun(RunSpec.of("churn", "tree").withSeed(42))) {
        run.logParam("model", "tree");                      // write-once, MLflow's rules
        for (int epoch = 0; epoch < 3; epoch++) {
          run.logMetric("rmse", 0.5 / (epoch + 1), epoch);  // async, batched, fsynced on flush
        }
      }                                                     // git commit, JVM, OS, seed captured
      List<RunRecord> best = tracker.searchRuns(List.of("churn"),
          "metrics.rmse < 0.25 and params.model = 'tree'", List.of("metrics.rmse ASC"), 10);
      RunComparison diff = tracker.compareRuns(List.of(best.get(0).runId(), otherRunId));

      assertThat(best).extracting(RunRecord::runName).containsExactly("tree");
      assertThat(diff.differingParams()).containsKey("model");
    }
  }
}
