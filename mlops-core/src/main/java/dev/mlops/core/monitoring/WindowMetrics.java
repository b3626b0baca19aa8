package dev.mlops.core.monitoring;

import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.scoping.KeyMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics an alert rule can watch, read from a {@link WindowSummary}: metric name to subject
 * (feature or class; {@value #NO_SUBJECT} for metrics without one) to value.
 *
 * <p>Stateless and thread-safe.
 */
final class WindowMetrics {
  /** The subject key of a metric without tag: {@value}. */
  static final String NO_SUBJECT = "";

  /** The metrics a monitor measures, in documentation order. */
  static final List<String> SUPPORTED = List.of(
      KeyMetrics.LATENCY_P50_MS, KeyMetrics.LATENCY_P99_MS, KeyMetrics.THROUGHPUT_QPS,
      KeyMetrics.ERROR_RATE, KeyMetrics.INPUT_MISSING_RATE, KeyMetrics.INPUT_OUT_OF_SPEC_RATE,
      KeyMetrics.OUTPUT_NULL_RATE, KeyMetrics.OUTPUT_CLASS_SHARE, KeyMetrics.DRIFT_SCORE,
      KeyMetrics.DRIFT_DETECTED, KeyMetrics.ACCURACY);

  private WindowMetrics() {}

  /**
   * Checks that a monitor measures the metric.
   *
   * @throws IllegalArgumentException naming the rule, the metric and the supported ones
   */
  static void requireSupported(String rule, String metric) {
    if (!SUPPORTED.contains(metric)) {
      throw new IllegalArgumentException("alert rule '" + rule + "' watches '" + metric
          + "', which a monitor does not measure; use one of " + SUPPORTED);
    }
  }

  static Map<String, Double> values(WindowSummary w, String metric) {
    double n = w.count();
    switch (metric) {
      case KeyMetrics.LATENCY_P50_MS:
        return single(w.latencyP50Ms());
      case KeyMetrics.LATENCY_P99_MS:
        return single(w.latencyP99Ms());
      case KeyMetrics.THROUGHPUT_QPS:
        return single(w.throughputQps());
      case KeyMetrics.ERROR_RATE:
        return single(w.errorRate());
      case KeyMetrics.OUTPUT_NULL_RATE:
        long successes = w.count() - w.errors();
        return single(successes <= 0 ? Double.NaN : (double) w.nullOutputs() / successes);
      case KeyMetrics.ACCURACY:
        return single(w.accuracy().isPresent() ? w.accuracy().getAsDouble() : Double.NaN);
      case KeyMetrics.INPUT_MISSING_RATE:
        return rates(w.missing(), n);
      case KeyMetrics.INPUT_OUT_OF_SPEC_RATE:
        return rates(w.outOfSpec(), n);
      case KeyMetrics.OUTPUT_CLASS_SHARE:
        return w.classShare();
      case KeyMetrics.DRIFT_SCORE:
        return drift(w.drift(), false);
      case KeyMetrics.DRIFT_DETECTED:
        return drift(w.drift(), true);
      default:
        throw new IllegalArgumentException("a monitor does not measure '" + metric + "'");
    }
  }

  private static Map<String, Double> single(double value) {
    return Map.of(NO_SUBJECT, value);
  }

  private static Map<String, Double> rates(Map<String, Long> counts, double n) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, n == 0 ? Double.NaN : v / n));
    return out;
  }

  private static Map<String, Double> drift(Map<String, FeatureDrift> drift, boolean detected) {
    Map<String, Double> out = new LinkedHashMap<>();
    drift.forEach((k, v) -> out.put(k, detected ? (v.drifted() ? 1.0 : 0.0) : v.score()));
    return out;
  }
}
