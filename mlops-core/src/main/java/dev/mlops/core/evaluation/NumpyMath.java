package dev.mlops.core.evaluation;

import java.util.Arrays;

/**
 * Sums, means and quantiles computed in the same floating-point order as NumPy 1.24, so metrics
 * match scikit-learn to the last bits rather than only to ~n ulps.
 */
final class NumpyMath {
  /** NumPy's pairwise-summation block size (PW_BLOCKSIZE in loops_utils.h). */
  private static final int BLOCK = 128;

  private NumpyMath() {}

  /** Sums {@code a} as numpy.add.reduce does for a contiguous double array. */
  static double sum(double[] a) {
    return pairwise(a, 0, a.length);
  }

  private static double pairwise(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int k = 0; k < 8; k++) {
        r[k] = a[from + k];
      }
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int k = 0; k < 8; k++) {
          r[k] += a[from + i + k];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
  }

  /** Returns {@code sum(a) / a.length}, as numpy.mean. */
  static double mean(double[] a) {
    return sum(a) / a.length;
  }

  /**
   * Returns the quantile at level {@code q} of {@code sorted} (ascending) with NumPy's default
   * "linear" method (Hyndman and Fan type 7), including NumPy's two-sided lerp.
   */
  static double quantileOfSorted(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    int prev = (int) Math.floor(virtual);
    double t = virtual - prev;
    double a = sorted[prev];
    double b = sorted[prev + 1];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Returns the quantile at level {@code q} of unsorted values. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }
}
