package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.feedback.GroundTruth;
import dev.mlops.testkit.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingDataTest {
  @TempDir Path dir;
  final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
  final TestClock clock = TestClock.at(t0);

  @Test
  void exportsTheLabeledRowsOfARangeAndVersionWithTheirFingerprint() {
    try (PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.defaults(dir)).clock(clock).build()) {
      log.log(Outcomes.success("a", t0, "1", Map.of("x", 1.0), "yes", 0.8));
      log.log(Outcomes.success("b", t0.plusSeconds(60), "1", Map.of("x", 2.0), "no", 0.1));
      log.log(Outcomes.success("c", t0.plusSeconds(120), "2", Map.of("x", 3.0), "yes", 0.9));
      log.log(Outcomes.success("d", t0.plusSeconds(7200), "1", Map.of("x", 4.0), "no", 0.3));
      log.log(Outcomes.failure("e", t0));
    }
    List<GroundTruth> labels = List.of(
        new GroundTruth("a", "no", t0), new GroundTruth("a", "yes", t0),
        new GroundTruth("c", "yes", t0), new GroundTruth("zz", "no", t0));
    RetrainingData.Selection selection = new RetrainingData.Selection(
        Optional.of(t0), Optional.of(t0.plusSeconds(3600)), Optional.of("1"), "churned");
    RetrainingData.Export export = RetrainingData.export(dir, labels, selection, clock);
    assertThat(export.data().rowCount()).isEqualTo(1);
    assertThat(export.data().row(0).getString(PredictionLogDataset.REQUEST_ID)).isEqualTo("a");
    assertThat(export.data().row(0).getString("churned")).isEqualTo("yes");
    assertThat(export.data().row(0).getDouble("x")).isEqualTo(1.0);
    assertThat(export.unlabeledPredictions()).isEqualTo(1); // b
    assertThat(export.unmatchedLabels()).isEqualTo(2);      // c (other version) and zz
    assertThat(export.duplicateLabels()).isEqualTo(1);
    assertThat(export.version().rowCount()).isEqualTo(1);
    assertThat(export.version().digest()).startsWith("sha256:");
    assertThat(export.version().tags()).containsEntry("model.version", "1");
    RetrainingData.Export again = RetrainingData.export(dir, labels, selection, clock);
    assertThat(again.version().digest()).isEqualTo(export.version().digest());
  }
}
