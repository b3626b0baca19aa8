package dev.mlops.core.features;

/**
 * How a scale step maps a numeric value, {@code (x - offset) * scale} with parameters fitted on
 * the training values. Immutable and thread-safe (an enum).
 */
public enum ScaleKind {
  /** Offset the mean, divide by the population standard deviation (scikit-learn StandardScaler). */
  STANDARD,
  /** Offset the minimum, divide by the range, so training values land in [0, 1] (MinMaxScaler). */
  MIN_MAX,
  /** Offset the median, divide by the interquartile range (RobustScaler). */
  ROBUST
}
