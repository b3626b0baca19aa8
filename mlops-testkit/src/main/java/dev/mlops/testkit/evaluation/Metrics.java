package dev.mlops.testkit.evaluation;

import dev.mlops.evaluation.MetricStatus;
import dev.mlops.evaluation.MetricValue;

/** Reads a {@link MetricValue} against a floor the way every evaluation assertion does. */
final class Metrics {
  private Metrics() {}

  /**
   * Returns whether a metric clears a floor. An undefined metric clears none, and neither does a
   * zero-division substitute: the floor is about a value the data supported.
   */
  static boolean atLeast(MetricValue metric, double floor) {
    return metric.status() == MetricStatus.DEFINED && metric.value() >= floor;
  }

  static void checkFloor(double floor) {
    if (Double.isNaN(floor)) {
      throw new IllegalArgumentException("the floor must be a number, was NaN");
    }
  }
}
