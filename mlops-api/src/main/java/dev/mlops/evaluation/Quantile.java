package dev.mlops.evaluation;

/**
 * A quantile of a distribution.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the probability level in [0, 1]
 * @param value the quantile (NumPy's default linear interpolation)
 */
public record Quantile(double level, double value) {
  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the level is outside [0, 1]
   */
  public Quantile {
    if (!(level >= 0 && level <= 1)) {
      throw new IllegalArgumentException("level must be in [0, 1], was " + level);
    }
  }
}
