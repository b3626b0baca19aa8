package dev.mlops.evaluation;

/**
 * Whether a {@link MetricValue} holds a computed number.
 *
 * <p>Immutable and thread-safe.
 */
public enum MetricStatus {
  /** The metric is defined on the data and {@link MetricValue#value()} holds it. */
  DEFINED,
  /**
   * A ratio had a zero denominator (e.g. precision of a class that is never predicted); the value
   * is the {@link ZeroDivision} convention's substitute, as scikit-learn's {@code zero_division}.
   */
  ZERO_DIVISION,
  /**
   * The metric is not defined on the data (e.g. ROC-AUC when only one class is present); {@link
   * MetricValue#value()} is NaN and {@link MetricValue#reason()} says why.
   */
  UNDEFINED
}
