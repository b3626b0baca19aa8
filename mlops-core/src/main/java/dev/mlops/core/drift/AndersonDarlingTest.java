package dev.mlops.core.drift;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Two-sample Anderson–Darling test (Scholz and Stephens 1987, mid-rank version), with the numbers
 * of {@code scipy.stats.anderson_ksamp([a, b])} (scipy 1.10).
 *
 * <p>Statistic: the standardised A²<sub>akN</sub> (scipy's {@code statistic}). p-value: as scipy,
 * interpolated from the critical-value table by a quadratic fit of log(α), and therefore capped
 * to [{@value #P_FLOOR}, {@value #P_CAP}]. Drift when p &lt; threshold.
 *
 * <p>Stateless and thread-safe.
 */
final class AndersonDarlingTest {
  /** Smallest p-value the table gives (scipy's floor): {@value}. */
  public static final double P_FLOOR = 0.001;
  /** Largest p-value the table gives (scipy's cap): {@value}. */
  public static final double P_CAP = 0.25;

  private static final double[] SIG = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
  /** Critical values for two samples (m = k − 1 = 1): b0 + b1 + b2 of Scholz–Stephens Table 2. */
  private static final double[] CRITICAL = new double[7];
  private static final double[] FIT;

  static {
    double[] b0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    double[] b1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    double[] b2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    double[][] design = new double[7][3];
    double[] logSig = new double[7];
    for (int i = 0; i < 7; i++) {
      CRITICAL[i] = b0[i] + b1[i] / Math.sqrt(1) + b2[i] / 1;
      design[i] = new double[] {CRITICAL[i] * CRITICAL[i], CRITICAL[i], 1};
      logSig[i] = Math.log(SIG[i]);
    }
    RealVector coefficients =
        new QRDecomposition(new Array2DRowRealMatrix(design))
            .getSolver()
            .solve(new ArrayRealVector(logSig));
    FIT = coefficients.toArray();
  }

  private AndersonDarlingTest() {}

  /**
   * Runs the test.
   *
   * @param a first sample, finite values, not empty
   * @param b second sample, finite values, not empty
   * @return the standardised statistic and the interpolated p-value
   * @throws IllegalArgumentException if a sample is empty or holds NaN or ±Inf, the pooled sample
   *     has fewer than 4 values or fewer than 2 distinct values
   */
  public static TestResult test(double[] a, double[] b) {
    return testSorted(Samples.sortedCopy(a, "a", 1), Samples.sortedCopy(b, "b", 1));
  }

  /** Runs the test on samples sorted ascending (not checked). */
  public static TestResult testSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    double bigN = (double) n1 + n2;
    if (bigN < 4) {
      throw new IllegalArgumentException("the pooled sample needs at least 4 values, had " + (n1 + n2));
    }
    if (a[0] == a[n1 - 1] && b[0] == b[n2 - 1] && a[0] == b[0]) {
      throw new IllegalArgumentException("needs more than one distinct value, all are " + a[0]);
    }
    // walk the distinct pooled values z_j: l_j ties, B_j = (#pooled < z_j) + l_j/2, and per
    // sample M_ij = (#sample ≤ z_j) − f_ij/2
    int i = 0;
    int j = 0;
    double sumA = 0;
    double sumB = 0;
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
      double lj = (i - i0) + (j - j0);
      double bj = (i0 + j0) + lj / 2.0;
      double denominator = bj * (bigN - bj) - bigN * lj / 4.0;
      double ma = i - (i - i0) / 2.0;
      double mb = j - (j - j0) / 2.0;
      double da = bigN * ma - bj * n1;
      double db = bigN * mb - bj * n2;
      sumA += lj / bigN * da * da / denominator;
      sumB += lj / bigN * db * db / denominator;
    }
    double a2kn = (sumA / n1 + sumB / n2) * (bigN - 1.0) / bigN;
    double statistic = (a2kn - 1) / Math.sqrt(varianceOfA2(n1, n2));
    return new TestResult(statistic, pValue(statistic));
  }

  private static double varianceOfA2(int n1, int n2) {
    int k = 2;
    int bigN = n1 + n2;
    double hh = 1.0 / n1 + 1.0 / n2;
    // hs_cs = cumsum(1/(N-1), 1/(N-2), ..., 1/2); h = hs_cs[-1] + 1; g = sum(hs_cs / (2..N-1))
    double cumulative = 0;
    double g = 0;
    int index = 0;
    for (int d = bigN - 1; d >= 2; d--) {
      cumulative += 1.0 / d;
      g += cumulative / (2 + index);
      index++;
    }
    double h = cumulative + 1;
    double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hh;
    double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hh - 8 * h + 4 * g - 6;
    double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hh + 4 * h;
    double d = (2 * h + 6) * k * k - 4 * h * k;
    double n = bigN;
    return (a * n * n * n + b * n * n + c * n + d) / ((n - 1.) * (n - 2.) * (n - 3.));
  }

  private static double pValue(double statistic) {
    if (statistic < CRITICAL[0]) {
      return P_CAP;
    }
    if (statistic > CRITICAL[6]) {
      return P_FLOOR;
    }
    return Math.exp((FIT[0] * statistic + FIT[1]) * statistic + FIT[2]);
  }
}
