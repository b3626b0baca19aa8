package dev.mlops.testkit.monitoring;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.drift.DriftState;
import dev.mlops.model.Arm;
import dev.mlops.monitoring.FeatureStats;
import dev.mlops.monitoring.MonitorSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MonitorSnapshotAssertTest {
  private static MonitorSnapshot snapshot(long predictions, Map<FailureKind, Long> errors,
      Map<String, DriftState> drift, long alerts) {
    return new MonitorSnapshot("churn", "v2", Arm.PRIMARY, Instant.EPOCH, predictions, 0, errors, 0, 1, 2, 3,
        Map.of("age", new FeatureStats(5, 0, 0, OptionalDouble.empty()),
            "city", new FeatureStats(0, 0, 1, OptionalDouble.empty())),
        0, Map.of("no", 150L, "yes", 50L), 0, List.of(), drift, 0, 0, List.of(), alerts, 0);
  }

  private static final MonitorSnapshot QUIET =
      snapshot(200, Map.of(), Map.of("age", DriftState.NONE, "city", DriftState.WARNING), 0);
  private static final MonitorSnapshot NOISY =
      snapshot(200, Map.of(FailureKind.TIMEOUT, 4L), Map.of("age", DriftState.DRIFT, "city", DriftState.NONE), 2);

  @Test
  void aQuietSnapshotPassesEveryCheck() {
    assertThat(QUIET).hasNoAlerts().hasNoErrors().hasNoDrift().hasMissingRateAtMost("age", 0.025)
        .hasMissingRateAtMost("city", 0).hasClassShareWithin("yes", 0.25, 0.25).hasClassShareWithin("maybe", 0, 0);
    assertThat(NOISY).hasDriftOn("age");
  }

  @Test
  void eachCheckSaysExpectedVersusActual() {
    assertThatThrownBy(() -> assertThat(NOISY).hasNoAlerts())
        .hasMessageContaining("Expected no alert but the monitor of churn v2 raised 2");
    assertThatThrownBy(() -> assertThat(NOISY).hasNoErrors())
        .hasMessageContaining("Expected no failed prediction but 4 of 200 failed: {TIMEOUT=4}");
    assertThatThrownBy(() -> assertThat(NOISY).hasNoDrift())
        .hasMessageContaining("Expected no drift but [age] drifted");
    assertThatThrownBy(() -> assertThat(QUIET).hasDriftOn("city"))
        .hasMessageContaining("Expected drift on 'city' but its detector is in WARNING");
    assertThatThrownBy(() -> assertThat(QUIET).hasDriftOn("income"))
        .hasMessageContaining("Expected drift on 'income' but no detector watches it");
    assertThatThrownBy(() -> assertThat(QUIET).hasMissingRateAtMost("age", 0.02))
        .hasMessageContaining("Expected the missing rate of 'age' at most 0.02 but it was 0.025 (5 of 200 predictions)");
    assertThatThrownBy(() -> assertThat(QUIET).hasMissingRateAtMost("income", 0.02))
        .hasMessageContaining("Expected feature 'income' in the snapshot but it has");
    assertThatThrownBy(() -> assertThat(QUIET).hasClassShareWithin("yes", 0.3, 0.5))
        .hasMessageContaining("Expected class 'yes' in [0.3, 0.5] of the predictions but it was 0.25 (50 of 200)");
    assertThatIllegalArgumentException().isThrownBy(() -> assertThat(QUIET).hasClassShareWithin("yes", 0.5, 0.3));
    assertThatIllegalArgumentException().isThrownBy(() -> assertThat(QUIET).hasMissingRateAtMost("age", Double.NaN))
        .withMessage("the ceiling must be a number, was NaN");
  }

  @Test
  void aSnapshotOfNoPredictionsHasNoRates() {
    assertThatThrownBy(() -> assertThat(snapshot(0, Map.of(), Map.of(), 0)).hasClassShareWithin("yes", 0, 1))
        .hasMessageContaining("Expected the share of class 'yes' but the snapshot has no predictions");
  }
}
