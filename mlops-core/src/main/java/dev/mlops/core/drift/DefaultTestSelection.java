package dev.mlops.core.drift;

import dev.mlops.drift.DriftTest;

/**
 * Evidently's default test per column ({@code get_default_stattest}), so users get the same
 * choices: with at most {@value #SMALL_REFERENCE_ROWS} reference values, numeric columns with
 * more than {@value #FEW_VALUES} distinct values get {@code ks}, other columns {@code chisquare},
 * or {@code z} when at most 2 values occur; with more reference values, numeric columns get the
 * normed {@code wasserstein} (or {@code jensenshannon} with at most {@value #FEW_VALUES} distinct
 * values) and categorical columns {@code jensenshannon}. Distinct values are counted over both
 * sides, missing values excluded, as Evidently.
 */
final class DefaultTestSelection {
  /** Evidently's limit between "small" and "large" reference data: {@value}. */
  static final int SMALL_REFERENCE_ROWS = 1000;
  /** Evidently's limit of "few" distinct values of a numeric column: {@value}. */
  static final int FEW_VALUES = 5;

  private DefaultTestSelection() {}

  static DriftTest select(boolean numeric, int referenceValues, int distinctValues) {
    if (referenceValues <= SMALL_REFERENCE_ROWS) {
      if (numeric && distinctValues > FEW_VALUES) {
        return DriftTest.KS;
      }
      return distinctValues <= 2 ? DriftTest.Z : DriftTest.CHISQUARE;
    }
    if (numeric) {
      return distinctValues <= FEW_VALUES ? DriftTest.JENSEN_SHANNON : DriftTest.WASSERSTEIN;
    }
    return DriftTest.JENSEN_SHANNON;
  }
}
