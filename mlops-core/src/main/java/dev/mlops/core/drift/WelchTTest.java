package dev.mlops.core.drift;

import org.apache.commons.math3.special.Beta;

/**
 * Welch's unequal-variance t-test, two-sided, with the numbers of
 * {@code scipy.stats.ttest_ind(a, b, equal_var=False)} (scipy 1.10).
 *
 * <p>Statistic: t = (mean<sub>a</sub> − mean<sub>b</sub>)/√(s<sub>a</sub>²/n<sub>a</sub> +
 * s<sub>b</sub>²/n<sub>b</sub>) with sample variances (ddof = 1); Welch–Satterthwaite degrees of
 * freedom; p = I<sub>ν/(ν+t²)</sub>(ν/2, 1/2), the two-sided Student tail. Drift when p &lt;
 * threshold.
 *
 * <p>Stateless and thread-safe.
 */
final class WelchTTest {
  private WelchTTest() {}

  /**
   * Runs the test.
   *
   * @param a first sample, finite values, at least 2
   * @param b second sample, finite values, at least 2
   * @return t and the two-sided p-value
   * @throws IllegalArgumentException if a sample has fewer than 2 values, holds NaN or ±Inf, or
   *     both samples are constant (t undefined)
   */
  public static TestResult test(double[] a, double[] b) {
    Samples.checkFinite(a, "a", 2);
    Samples.checkFinite(b, "b", 2);
    double m1 = mean(a);
    double m2 = mean(b);
    return fromMoments(m1, variance(a, m1), a.length, m2, variance(b, m2), b.length);
  }

  /**
   * Runs the test on summary statistics: means, sample variances (ddof = 1) and sizes (at least
   * 2 each), as a profile holds them.
   *
   * @throws IllegalArgumentException if both variances are 0 (t undefined)
   */
  static TestResult fromMoments(double m1, double var1, long size1, double m2, double var2,
      long size2) {
    double n1 = size1;
    double n2 = size2;
    double vn1 = var1 / n1;
    double vn2 = var2 / n2;
    if (vn1 + vn2 == 0) {
      throw new IllegalArgumentException("both samples are constant: the t statistic is undefined");
    }
    double df = (vn1 + vn2) * (vn1 + vn2) / (vn1 * vn1 / (n1 - 1) + vn2 * vn2 / (n2 - 1));
    double t = (m1 - m2) / Math.sqrt(vn1 + vn2);
    double p = Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5, 1e-15, 100_000);
    return new TestResult(t, Samples.clip(p));
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Two-pass sample variance, ddof = 1. */
  static double variance(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      double d = v - mean;
      s += d * d;
    }
    return s / (x.length - 1);
  }
}
