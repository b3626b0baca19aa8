package dev.mlops.evaluation;

/**
 * One non-empty bin of a reliability (calibration) table, as scikit-learn's
 * {@code calibration_curve(strategy="uniform")}: scores in {@code (lower, upper]} (the first bin
 * also holds exactly {@code lower} = 0).
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower the bin's lower edge
 * @param upper the bin's upper edge
 * @param count examples in the bin
 * @param meanPredicted mean predicted probability of the positive class in the bin
 * @param fractionPositive share of the bin's examples that are actually positive
 */
public record CalibrationBin(
    double lower, double upper, long count, double meanPredicted, double fractionPositive) {
  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the count is not positive
   */
  public CalibrationBin {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
  }
}
