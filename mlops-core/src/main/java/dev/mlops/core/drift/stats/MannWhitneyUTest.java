package dev.mlops.core.drift.stats;

/**
 * Mann–Whitney U test, two-sided, with the numbers of
 * {@code scipy.stats.mannwhitneyu(a, b)} (scipy 1.10 defaults: {@code use_continuity=True},
 * {@code method='auto'}).
 *
 * <p>Statistic: U<sub>a</sub> = R<sub>a</sub> − n<sub>a</sub>(n<sub>a</sub>+1)/2 with
 * R<sub>a</sub> the sum of the mid-ranks of {@code a} in the pooled sample. p-value: with U =
 * max(U<sub>a</sub>, n<sub>a</sub>n<sub>b</sub> − U<sub>a</sub>), exact 2·P(U' ≥ U) when one
 * sample has at most {@value #EXACT_MAX_SIZE} values and there are no ties (as scipy), otherwise
 * 2·sf(z), z = (U − n<sub>a</sub>n<sub>b</sub>/2 − 0.5)/σ with the tie-corrected σ² =
 * n<sub>a</sub>n<sub>b</sub>/12·((N+1) − Σ(t³−t)/(N(N−1))). Drift when p &lt; threshold.
 * Exception to scipy: the exact distribution is only tabulated up to
 * n<sub>a</sub>n<sub>b</sub> ≤ {@value #EXACT_MAX_PRODUCT}; beyond that (a tiny sample against a
 * huge one) the normal approximation is used.
 *
 * <p>Stateless and thread-safe.
 */
public final class MannWhitneyUTest {
  /** scipy's 'auto' uses the exact distribution when a sample has at most this many values: {@value}. */
  public static final int EXACT_MAX_SIZE = 8;
  /** Largest n<sub>a</sub>·n<sub>b</sub> for which the exact distribution is tabulated: {@value}. */
  public static final long EXACT_MAX_PRODUCT = 10_000;

  private MannWhitneyUTest() {}

  /**
   * Runs the test.
   *
   * @param a first sample, finite values, not empty
   * @param b second sample, finite values, not empty
   * @return U of {@code a} and the two-sided p-value
   * @throws IllegalArgumentException if a sample is empty or holds NaN or ±Inf
   */
  public static TestResult test(double[] a, double[] b) {
    return testSorted(Samples.sortedCopy(a, "a", 1), Samples.sortedCopy(b, "b", 1));
  }

  /**
   * Runs the test on samples already sorted ascending (not checked).
   *
   * @param a first sample, sorted, not empty
   * @param b second sample, sorted, not empty
   * @return U of {@code a} and the two-sided p-value
   */
  public static TestResult testSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("samples must not be empty, had " + n1 + " and " + n2);
    }
    int i = 0;
    int j = 0;
    double rankSumA = 0;
    double tieTerm = 0;
    boolean ties = false;
    while (i < n1 || j < n2) {
      double v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
      int i0 = i;
      int j0 = j;
      while (i < n1 && a[i] == v) {
        i++;
      }
      while (j < n2 && b[j] == v) {
        j++;
      }
      double t = (i - i0) + (j - j0);
      double before = i0 + j0;
      rankSumA += (i - i0) * (before + (t + 1) / 2);
      if (t > 1) {
        ties = true;
        tieTerm += t * t * t - t;
      }
    }
    double u1 = rankSumA - n1 * (n1 + 1.0) / 2;
    double u2 = (double) n1 * n2 - u1;
    double u = Math.max(u1, u2);
    double p;
    if ((n1 <= EXACT_MAX_SIZE || n2 <= EXACT_MAX_SIZE)
        && !ties
        && (long) n1 * n2 <= EXACT_MAX_PRODUCT) {
      p = exactSf((long) u, n1, n2);
    } else {
      double mu = n1 * (double) n2 / 2;
      double n = (double) n1 + n2;
      double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
      double z = (u - mu - 0.5) / s;
      p = s == 0 ? Double.NaN : Normal.sf(z);
    }
    if (Double.isNaN(p)) {
      // every value tied: σ = 0 and scipy returns NaN; the samples are identical
      p = 0.5;
    }
    return new TestResult(u1, Samples.clip(2 * p));
  }

  /** P(U' ≥ u) under H0 from the count of arrangements (Mann and Whitney's recursion). */
  static double exactSf(long u, int m, int n) {
    int small = Math.min(m, n);
    int large = Math.max(m, n);
    int max = small * large;
    // counts[s][k]: arrangements of s values of the small sample among the current large prefix
    double[][] counts = new double[small + 1][max + 1];
    for (int s = 0; s <= small; s++) {
      counts[s][0] = 1;
    }
    for (int l = 1; l <= large; l++) {
      // f(s, l, k) = f(s - 1, l, k - l) + f(s, l - 1, k): rows updated upwards in place, so row
      // s - 1 already holds large-prefix l when row s reads it
      for (int s = 1; s <= small; s++) {
        double[] row = counts[s];
        double[] lower = counts[s - 1];
        for (int k = s * l; k >= l; k--) {
          row[k] += lower[k - l];
        }
      }
    }
    long k = (long) m * n - u;
    double below = 0;
    double total = 0;
    for (int x = 0; x <= max; x++) {
      total += counts[small][x];
      if (x <= k) {
        below += counts[small][x];
      }
    }
    return below / total;
  }
}
