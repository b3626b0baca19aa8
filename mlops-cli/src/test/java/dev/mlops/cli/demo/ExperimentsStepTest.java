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
      assertThat(runs).extracting(RunRecord::runName).containsExactly("threshold-rule", "majority-baseline");
      RunRecord rule = runs.get(0);
      assertThat(rule.params()).containsEntry("feature", "worst_concave_points").containsEntry("model", "threshold");
      assertThat(rule.tags()).containsEntry("mlops.seed", "42");
      // digest of the bundled CSV: `sha256sum breast_cancer_wisconsin.csv`
      assertThat(rule.inputs().get(0).dataset().digest())
          .isEqualTo("sha256:1decbc18045d59ca78d439466f1a4e8895596686f7d0779137987709b9e20b80");
      assertThat(rule.inputs().get(0).dataset().rowCount()).isEqualTo(569);
      assertThat(store.problems()).isEmpty();
    }
  }
}
