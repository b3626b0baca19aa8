package dev.mlops.core.features;

import java.util.Arrays;

/** Quantiles by linear interpolation between order statistics (NumPy's default). Stateless. */
final class Quantiles {
  private Quantiles() {}

  /** Returns the {@code q}-quantile of {@code values} (not modified), q in [0, 1]. */
  static double of(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
