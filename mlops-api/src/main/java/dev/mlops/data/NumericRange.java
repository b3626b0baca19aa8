package dev.mlops.data;

/**
 * Allowed values of a numeric feature: bounds with inclusive flags, and whether NaN (beyond the
 * missing-value check) and ±Infinity may appear.
 *
 * <p>Immutable and thread-safe.
 *
 * @param min lower bound ({@link Double#NEGATIVE_INFINITY} for none)
 * @param max upper bound ({@link Double#POSITIVE_INFINITY} for none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param maxInclusive whether {@code max} itself is allowed
 * @param nanAllowed whether NaN values are acceptable; when false a NaN is a violation even if
 *     the feature's presence rule tolerates missing values
 * @param infinityAllowed whether ±Infinity is acceptable
 */
public record NumericRange(
    double min, double max, boolean minInclusive, boolean maxInclusive, boolean nanAllowed,
    boolean infinityAllowed) {

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if a bound is NaN or {@code min > max}
   */
  public NumericRange {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("range needs min <= max, was [" + min + ", " + max + "]");
    }
  }

  /** A closed range {@code [min, max]} with NaN treated as missing and no infinities. */
  public static NumericRange closed(double min, double max) {
    return new NumericRange(min, max, true, true, true, false);
  }

  /** Returns whether a present (non-NaN) value lies in the range. */
  public boolean contains(double value) {
    if (Double.isInfinite(value) && !infinityAllowed) {
      return false;
    }
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }
}
