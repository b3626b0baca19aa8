package dev.mlops.testkit.monitoring;

import dev.mlops.drift.DriftState;
import dev.mlops.monitoring.FeatureStats;
import dev.mlops.monitoring.MonitorSnapshot;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link MonitorSnapshot}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(MonitorSnapshot)}:
 *
 * <pre>{@code
 * assertThat(monitor.snapshot()).hasNoAlerts().hasNoErrors()
 *     .hasMissingRateAtMost("age", 0.01).hasClassShareWithin("churn", 0.05, 0.20);
 * assertThat(driftedSnapshot).hasDriftOn("x1");
 * }</pre>
 *
 * <p>Rates are over the snapshot's predictions; a snapshot of no predictions has no rate and
 * fails every rate check. Which rule raised an alert, and when, is {@link AlertsAssert}'s job: the
 * snapshot only counts alerts. Not thread-safe (one per assertion chain).
 */
public final class MonitorSnapshotAssert extends AbstractAssert<MonitorSnapshotAssert, MonitorSnapshot> {

  /** Creates assertions on {@code actual}. */
  public MonitorSnapshotAssert(MonitorSnapshot actual) {
    super(actual, MonitorSnapshotAssert.class);
  }

  /** Verifies that the monitor raised no alert. */
  public MonitorSnapshotAssert hasNoAlerts() {
    isNotNull();
    if (actual.alerts() != 0) {
      failWithMessage("Expected no alert but the monitor of %s %s raised %d", actual.modelName(),
          actual.modelVersion(), actual.alerts());
    }
    return this;
  }

  /** Verifies that no prediction failed. */
  public MonitorSnapshotAssert hasNoErrors() {
    isNotNull();
    if (actual.errors() != 0) {
      failWithMessage("Expected no failed prediction but %d of %d failed: %s", actual.errors(),
          actual.predictions(), actual.errorsByKind());
    }
    return this;
  }

  /** Verifies that no feature's streaming detector is in {@link DriftState#DRIFT}. */
  public MonitorSnapshotAssert hasNoDrift() {
    isNotNull();
    List<String> drifted = actual.driftStates().entrySet().stream()
        .filter(e -> e.getValue() == DriftState.DRIFT).map(Map.Entry::getKey).toList();
    if (!drifted.isEmpty()) {
      failWithMessage("Expected no drift but %s drifted (states %s)", drifted, actual.driftStates());
    }
    return this;
  }

  /** Verifies that the streaming detector of {@code feature} is in {@link DriftState#DRIFT}. */
  public MonitorSnapshotAssert hasDriftOn(String feature) {
    isNotNull();
    DriftState state = actual.driftStates().get(feature);
    if (state == null) {
      failWithMessage("Expected drift on '%s' but no detector watches it; the watched features are %s",
          feature, actual.driftStates().keySet());
    } else if (state != DriftState.DRIFT) {
      failWithMessage("Expected drift on '%s' but its detector is in %s", feature, state);
    }
    return this;
  }

  /**
   * Verifies that {@code feature} was absent, null or NaN in at most {@code ceiling} of the
   * predictions.
   *
   * @throws IllegalArgumentException if {@code ceiling} is NaN
   */
  public MonitorSnapshotAssert hasMissingRateAtMost(String feature, double ceiling) {
    isNotNull();
    if (Double.isNaN(ceiling)) {
      throw new IllegalArgumentException("the ceiling must be a number, was NaN");
    }
    FeatureStats stats = actual.features().get(feature);
    if (stats == null) {
      failWithMessage("Expected feature '%s' in the snapshot but it has %s", feature, actual.features().keySet());
    }
    double rate = rate(stats.missing(), "the missing rate of '" + feature + "'");
    if (!(rate <= ceiling)) {
      failWithMessage("Expected the missing rate of '%s' at most %s but it was %s (%d of %d predictions)",
          feature, ceiling, rate, stats.missing(), actual.predictions());
    }
    return this;
  }

  /**
   * Verifies that class {@code label} is between {@code low} and {@code high} of the predictions.
   *
   * @throws IllegalArgumentException if {@code low > high} or either is NaN
   */
  public MonitorSnapshotAssert hasClassShareWithin(String label, double low, double high) {
    isNotNull();
    if (!(low <= high)) {
      throw new IllegalArgumentException("low " + low + " must be <= high " + high);
    }
    long count = actual.classCounts().getOrDefault(label, 0L);
    double share = rate(count, "the share of class '" + label + "'");
    if (share < low || share > high) {
      failWithMessage("Expected class '%s' in [%s, %s] of the predictions but it was %s (%d of %d); the mix is %s",
          label, low, high, share, count, actual.predictions(), actual.classCounts());
    }
    return this;
  }

  private double rate(long count, String what) {
    if (actual.predictions() == 0) {
      failWithMessage("Expected %s but the snapshot has no predictions", what);
    }
    return (double) count / actual.predictions();
  }
}
