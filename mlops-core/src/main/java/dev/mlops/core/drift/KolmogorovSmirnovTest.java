package dev.mlops.core.drift;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, with the numbers of
 * {@code scipy.stats.ks_2samp(a, b, method='auto')} (scipy 1.10).
 *
 * <p>Statistic: D = max<sub>x</sub> |F<sub>a</sub>(x) − F<sub>b</sub>(x)| over the empirical
 * CDFs. p-value: exact when max(n<sub>a</sub>, n<sub>b</sub>) ≤ {@value #MAX_EXACT_N} (lattice-path
 * counting of Hodges, in the numerically stable form of Viehmann 2021; D is then rounded to the
 * lattice h/lcm(n<sub>a</sub>, n<sub>b</sub>) as scipy does), otherwise the distribution of the
 * one-sample statistic D<sub>n</sub> with n = round(n<sub>a</sub>n<sub>b</sub>/(n<sub>a</sub> +
 * n<sub>b</sub>)). Drift when p &lt; threshold. Cost: two sorts and one merge pass.
 *
 * <p>Public so that the streaming KSWIN detector ({@code dev.mlops.core.drift.streaming}) runs
 * the same test; stateless and thread-safe.
 */
public final class KolmogorovSmirnovTest {
  /** Largest sample size with an exact p-value, as scipy's {@code MAX_AUTO_N}: {@value}. */
  public static final int MAX_EXACT_N = 10_000;

  private KolmogorovSmirnovTest() {}

  /**
   * Runs the test.
   *
   * @param a first sample, finite values, not empty
   * @param b second sample, finite values, not empty
   * @return D and the two-sided p-value
   * @throws IllegalArgumentException if a sample is empty or holds NaN or ±Inf
   */
  public static TestResult test(double[] a, double[] b) {
    return testSorted(Samples.sortedCopy(a, "a", 1), Samples.sortedCopy(b, "b", 1));
  }

  /**
   * Runs the test on samples that are already sorted ascending (not checked).
   *
   * @param a first sample, sorted, not empty
   * @param b second sample, sorted, not empty
   * @return D and the two-sided p-value
   */
  public static TestResult testSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("samples must not be empty, had " + n1 + " and " + n2);
    }
    return fromStatistic(statistic(a, b), n1, n2);
  }

  /**
   * Returns D with its two-sided p-value for samples of sizes n1 and n2 (at least 1 each): the
   * p-value depends on the data only through D, so a statistic computed elsewhere (from two
   * profiles) gets scipy's p-value too.
   */
  static TestResult fromStatistic(double d, long n1, long n2) {
    long g = Samples.gcd(n1, n2);
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
      long lcm = (n1 / g) * n2;
      long h = Math.round(Math.rint(d * lcm));
      double dLattice = (double) h / lcm;
      if (h == 0) {
        return new TestResult(dLattice, 1.0);
      }
      double p = n1 == n2 ? outsideSquare(n1, h) : outerInside(n1, n2, g, h);
      if (p >= 0 && p <= 1) {
        return new TestResult(dLattice, p);
      }
      // as scipy: an unsuccessful exact computation falls back to the asymptotic one
    }
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    return new TestResult(d, Samples.clip(KolmogorovDistribution.sf(Math.round(Math.rint(en)), d)));
  }

  /** D = max |F_a − F_b| by one merge pass over the sorted samples. */
  static double statistic(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    int i = 0;
    int j = 0;
    double max = 0;
    double min = 0;
    while (i < n1 || j < n2) {
      double v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
      while (i < n1 && a[i] == v) {
        i++;
      }
      while (j < n2 && b[j] == v) {
        j++;
      }
      double diff = (double) i / n1 - (double) j / n2;
      if (diff > max) {
        max = diff;
      } else if (diff < min) {
        min = diff;
      }
    }
    return Math.max(max, Math.min(1.0, -min));
  }

  /** P(D ≥ h/n) for equal sizes n: alternating sum in Horner form. */
  private static double outsideSquare(long n, long h) {
    double p = 0.0;
    for (long k = n / h; k >= 0; k--) {
      double p1 = 1.0;
      for (long j = 0; j < h; j++) {
        p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
      }
      p = p1 * (1.0 - p);
    }
    return 2 * p;
  }

  /**
   * 1 − (share of lattice paths from (0,0) to (m,n) that stay strictly inside |x/m − y/n| &lt;
   * h/lcm), computed directly as a proportion column by column (Viehmann's recursion).
   */
  private static double outerInside(long m0, long n0, long g, long h) {
    long m = Math.max(m0, n0);
    int n = (int) Math.min(m0, n0);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min(ceilDiv(h, mg), n + 1);
    int curlen = maxj - minj;
    int lenA = Math.min(2 * maxj + 2, n + 1);
    double[] a = new double[Math.max(lenA, n + 1)];
    java.util.Arrays.fill(a, 0, lenA, 1.0);
    java.util.Arrays.fill(a, minj, maxj, 0.0);
    for (long i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
      maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        java.util.Arrays.fill(a, maxj - minj, maxj - minj + (lastlen - curlen), 1.0);
      }
    }
    return a[maxj - minj - 1];
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
