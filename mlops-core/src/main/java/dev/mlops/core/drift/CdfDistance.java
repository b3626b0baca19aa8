package dev.mlops.core.drift;

/**
 * Distances between the empirical distributions of two samples, with the numbers of scipy 1.10.
 *
 * <ul>
 *   <li>{@link #wasserstein}: W<sub>1</sub> = ∫|F<sub>a</sub> − F<sub>b</sub>| dx, as
 *       {@code scipy.stats.wasserstein_distance(a, b)}; in the units of the data.
 *   <li>{@link #energy}: √2 · (∫(F<sub>a</sub> − F<sub>b</sub>)² dx)<sup>1/2</sup>, as
 *       {@code scipy.stats.energy_distance(a, b)}.
 * </ul>
 * Both are symmetric, zero for identical samples, and drift when ≥ threshold.
 *
 * <p>Stateless and thread-safe.
 */
final class CdfDistance {
  private CdfDistance() {}

  /**
   * Returns the 1-Wasserstein distance.
   *
   * @throws IllegalArgumentException if a sample is empty or holds NaN or ±Inf
   */
  public static double wasserstein(double[] a, double[] b) {
    return wassersteinSorted(Samples.sortedCopy(a, "a", 1), Samples.sortedCopy(b, "b", 1));
  }

  /** Returns the 1-Wasserstein distance of samples sorted ascending (not checked). */
  public static double wassersteinSorted(double[] a, double[] b) {
    return integrate(a, b, 1);
  }

  /**
   * Returns the energy distance.
   *
   * @throws IllegalArgumentException if a sample is empty or holds NaN or ±Inf
   */
  public static double energy(double[] a, double[] b) {
    return energySorted(Samples.sortedCopy(a, "a", 1), Samples.sortedCopy(b, "b", 1));
  }

  /** Returns the energy distance of samples sorted ascending (not checked). */
  public static double energySorted(double[] a, double[] b) {
    return Math.sqrt(2) * Math.sqrt(integrate(a, b, 2));
  }

  /** ∫|F_a − F_b|^power dx over the pooled support, by a merge pass. */
  private static double integrate(double[] a, double[] b, int power) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("samples must not be empty, had " + n1 + " and " + n2);
    }
    int i = 0;
    int j = 0;
    double sum = 0;
    double compensation = 0;
    while (i < n1 || j < n2) {
      double v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
      while (i < n1 && a[i] == v) {
        i++;
      }
      while (j < n2 && b[j] == v) {
        j++;
      }
      if (i == n1 && j == n2) {
        break;
      }
      double next = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
      double diff = Math.abs((double) i / n1 - (double) j / n2);
      double term = (power == 1 ? diff : diff * diff) * (next - v);
      // Kahan summation: a million small terms
      double y = term - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
    }
    return sum;
  }
}
