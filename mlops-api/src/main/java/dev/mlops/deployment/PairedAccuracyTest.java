package dev.mlops.deployment;

/**
 * McNemar's test of which model is right more often on the same labelled requests: only the
 * discordant pairs count ({@code primaryOnlyCorrect}, {@code candidateOnlyCorrect}); the p-value
 * is the exact two-sided binomial one (statsmodels' {@code mcnemar(table, exact=True)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param labelled requests with both predictions and a label
 * @param bothCorrect both models right
 * @param primaryOnlyCorrect only the primary right
 * @param candidateOnlyCorrect only the candidate right
 * @param neitherCorrect both wrong
 * @param pValue the two-sided exact p-value; 1 when there are no discordant pairs
 */
public record PairedAccuracyTest(
    long labelled, long bothCorrect, long primaryOnlyCorrect, long candidateOnlyCorrect,
    long neitherCorrect, double pValue) {

  /** Returns whether the candidate is right more often than the primary at level {@code alpha}. */
  public boolean candidateBetter(double alpha) {
    return pValue < alpha && candidateOnlyCorrect > primaryOnlyCorrect;
  }

  /** Returns whether the primary is right more often than the candidate at level {@code alpha}. */
  public boolean primaryBetter(double alpha) {
    return pValue < alpha && primaryOnlyCorrect > candidateOnlyCorrect;
  }
}
