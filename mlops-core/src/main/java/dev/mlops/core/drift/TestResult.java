package dev.mlops.core.drift;

/**
 * The outcome of a two-sample test: its statistic and its p-value. Immutable and thread-safe.
 *
 * @param statistic the test statistic, as scipy reports it
 * @param pValue the p-value in [0, 1]
 */
public record TestResult(double statistic, double pValue) {

  /** Checks that the p-value is a probability. */
  public TestResult {
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
    }
  }
}
