package dev.mlops.evaluation;

/**
 * A two-sided confidence interval.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the confidence level, e.g. 0.95
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record ConfidenceInterval(double level, double lower, double upper) {
  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the level is not in (0, 1) or lower &gt; upper
   */
  public ConfidenceInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " must be <= upper " + upper);
    }
  }
}
