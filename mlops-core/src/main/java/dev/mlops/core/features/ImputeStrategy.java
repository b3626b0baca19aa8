package dev.mlops.core.features;

/**
 * What an impute step fills a missing value with (scikit-learn's {@code SimpleImputer}
 * strategies). Immutable and thread-safe (an enum).
 */
public enum ImputeStrategy {
  /** The mean of the present training values; numeric columns only. */
  MEAN,
  /** The median of the present training values; numeric columns only. */
  MEDIAN,
  /** The most frequent present training value; ties go to the smallest, as scikit-learn. */
  MOST_FREQUENT,
  /** A constant given with the step. */
  CONSTANT
}
