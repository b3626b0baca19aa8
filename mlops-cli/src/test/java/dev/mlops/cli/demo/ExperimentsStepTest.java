package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentsStepTest {

  @Test
  void demoRecordsItsRunsInTheOutputFolder(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("demo", "--out", dir.toString(), "--seed", "42")).isZero();

    assertThat(out.toString()).contains("(2 runs of this demo)").containsPattern("threshold-rule\\s+accuracy 0\\.9420")
        .containsPattern("majority-baseline\\s+accuracy 0\\.6884");
    try (FileTracker store = FileTracker.open(dir.resolve("runs"))) {
      List<RunRecord> runs = store.searchRuns(List.of("breast-cancer-demo"), "", List.of("metrics.accuracy DESC"), 10);
      // the baselines, then the better model the inference step trains and tracks with its curve
      assertThat(runs).extracting(RunRecord::runName)
          .containsExactly("logistic-regression", "threshold-rule", "majority-baseline");
      RunRecord better = runs.get(0);
      assertThat(better.params()).containsEntry("model", "logistic-regression").containsEntry("epochs", "100");
      assertThat(better.latestMetrics().get("accuracy").step()).isEqualTo(100);
      assertThat(better.inputs().get(0).dataset().digest())
          .isEqualTo("sha256:a271dce7bfbdd3a83c618044600ac12bd0328db6f1f9cdc76c635c0ba34be457");
      RunRecord rule = runs.get(1);
      assertThat(rule.params()).containsEntry("feature", "worst_concave_points").containsEntry("model", "threshold");
      assertThat(rule.tags()).containsEntry("mlops.seed", "42");
      // the same DatasetVersion the data step records: content digest (DatasetFingerprint) + spec hash
      assertThat(out.toString()).contains("dataset version: sha256:a271dce7bfbdd3a8...");
      assertThat(rule.inputs().get(0).dataset().digest())
          .isEqualTo("sha256:a271dce7bfbdd3a83c618044600ac12bd0328db6f1f9cdc76c635c0ba34be457");
      assertThat(rule.inputs().get(0).dataset().specHash()).isPresent();
      assertThat(rule.inputs().get(0).dataset().rowCount()).isEqualTo(569);
      assertThat(store.problems()).isEmpty();
    }
  }
}
