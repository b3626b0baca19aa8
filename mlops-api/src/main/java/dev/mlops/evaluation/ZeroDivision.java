package dev.mlops.evaluation;

/**
 * What a ratio metric (precision, recall, F1) reports when its denominator is zero, following
 * scikit-learn's {@code zero_division} parameter.
 *
 * <p>Immutable and thread-safe.
 */
public enum ZeroDivision {
  /**
   * Report 0 and mark the value {@link MetricStatus#ZERO_DIVISION}: scikit-learn's default
   * {@code "warn"}, which also returns 0 and emits a warning.
   */
  WARN,
  /** Report 0 as an ordinary value: scikit-learn's {@code zero_division=0}. */
  ZERO,
  /** Report 1 as an ordinary value: scikit-learn's {@code zero_division=1}. */
  ONE
}
