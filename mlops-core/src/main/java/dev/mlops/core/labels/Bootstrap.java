package dev.mlops.core.labels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of a ratio of sums over items (pooled accuracy): items are resampled with
 * replacement, so the interval reflects which items happened to be labeled.
 */
final class Bootstrap {
  private Bootstrap() {}

  /**
   * Returns {@code {low, high}} of the percentile interval of {@code sum(numerator)/sum(denominator)}
   * over resampled units.
   */
  static double[] ratioInterval(
      double[] numerator, int[] denominator, int resamples, double level, long seed) {
    int n = numerator.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    int kept = 0;
    for (int b = 0; b < resamples; b++) {
      double num = 0;
      long den = 0;
      for (int j = 0; j < n; j++) {
        int u = random.nextInt(n);
        num += numerator[u];
        den += denominator[u];
      }
      if (den > 0) {
        stats[kept++] = num / den;
      }
    }
    double[] sorted = Arrays.copyOf(stats, kept);
    Arrays.sort(sorted);
    double tail = (1 - level) / 2;
    return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
  }

  /** Linear interpolation between order statistics (numpy's default percentile method). */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }
}
