package dev.mlops.core.drift;

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
 *
 * <p>Stateless and thread-safe.
 */
final class MannWhitneyUTest {
  /** scipy's 'auto' uses the exact distribution when a sample has at most this many values: {@value}. */
  public static final int EXACT_MAX_SIZE = 8;

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
        && (long) n1 * n2 - (long) u < Integer.MAX_VALUE - 8) {
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

  /**
   * P(U' ≥ u) under H0. By symmetry that is P(U' ≤ mn − u), and the number of arrangements with
   * U' = k is the coefficient of q<sup>k</sup> in the Gaussian binomial
   * ∏<sub>i=1..s</sub> (1 − q<sup>l+i</sup>)/(1 − q<sup>i</sup>) (s the smaller, l the larger
   * size), expanded up to degree mn − u: O(s·(mn − u)) time.
   */
  static double exactSf(long u, int m, int n) {
    int small = Math.min(m, n);
    int large = Math.max(m, n);
    int k = (int) ((long) m * n - u);
    double[] c = new double[k + 1];
    c[0] = 1;
    for (int i = 1; i <= small; i++) {
      for (int j = i; j <= k; j++) {
        c[j] += c[j - i]; // divide by (1 - q^i)
      }
    }
    for (int i = 1; i <= small; i++) {
      int shift = large + i;
      for (int j = k; j >= shift; j--) {
        c[j] -= c[j - shift]; // multiply by (1 - q^(l+i))
      }
    }
    double below = 0;
    for (double v : c) {
      below += v;
    }
    double total = 1; // C(l + s, s)
    for (int i = 1; i <= small; i++) {
      total = total * (large + i) / i;
    }
    return below / total;
  }
}
