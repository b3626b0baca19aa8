package dev.mlops.profile;

import java.util.Objects;

/**
 * How far a drift statistic computed from two profiles may be from the one the raw data would
 * give: the exact statistic lies in [{@code lower}, {@code upper}] with probability at least
 * {@code confidence} (1 when the bound is certain, e.g. from exact counts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param column the column name
 * @param test the test id, e.g. "ks"
 * @param estimate the statistic computed from the profiles (the one in the drift report)
 * @param lower the smallest value the exact statistic can take
 * @param upper the largest value the exact statistic can take
 * @param confidence the probability that the exact statistic lies in the interval, in (0, 1]
 */
public record StatisticBound(
    String column, String test, double estimate, double lower, double upper, double confidence) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if {@code lower <= estimate <= upper} fails or the confidence
   *     is not in (0, 1]
   */
  public StatisticBound {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(test, "test");
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException("bound of '" + column + "' needs lower <= estimate <= upper,"
          + " had " + lower + ", " + estimate + ", " + upper);
    }
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
    }
  }

  /** Returns whether the statistic is exactly what the raw data would give. */
  public boolean exact() {
    return lower == upper && confidence == 1;
  }
}
