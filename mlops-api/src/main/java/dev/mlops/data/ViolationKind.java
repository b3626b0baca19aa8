package dev.mlops.data;

/**
 * What rule a {@link Violation} broke.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ViolationKind {
  /** A required feature is absent from the data or record. */
  MISSING_FEATURE,
  /** The data has a column the spec does not know. */
  UNEXPECTED_FEATURE,
  /** Values are missing more often than the feature's presence rule allows. */
  MISSING_VALUES,
  /** A value has the wrong type (e.g. text in a numeric feature). */
  WRONG_TYPE,
  /** A numeric value lies outside the allowed range. */
  OUT_OF_RANGE,
  /** A NaN where NaN is not allowed. */
  NAN_NOT_ALLOWED,
  /** ±Infinity where it is not allowed. */
  INFINITY_NOT_ALLOWED,
  /** A categorical value outside the domain, beyond the tolerated share. */
  UNKNOWN_CATEGORY,
  /** A text value shorter or longer than allowed. */
  LENGTH_OUT_OF_RANGE,
  /** A value repeats in a unique feature. */
  DUPLICATE_VALUE,
  /** The row count lies outside the allowed bounds. */
  ROW_COUNT,
  /** A label outside the allowed classes, or the label column is missing. */
  UNKNOWN_LABEL
}
