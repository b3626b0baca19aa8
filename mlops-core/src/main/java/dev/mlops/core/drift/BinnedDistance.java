package dev.mlops.core.drift;

import java.util.Objects;

/**
 * Distances between two distributions given as counts over the same bins or categories.
 *
 * <p>The counts are turned into proportions. PSI and KL divide by a proportion, so for them alone a
 * zero proportion is replaced by {@link #EPSILON} and both vectors are renormalised to sum 1 (they
 * stay finite when a bin is empty on one side). Jensen–Shannon, Hellinger and total variation are
 * finite on raw proportions and use them unchanged, as scipy and Evidently do (0·log 0 = 0). With
 * p the reference and q the current proportions:
 *
 * <ul>
 *   <li>{@link #psi}: Σ (q − p) ln(q/p), population stability index; symmetric.
 *   <li>{@link #jensenShannon}: the Jensen–Shannon <em>distance</em> in base 2, √(JS
 *       divergence), in [0, 1], as {@code scipy.spatial.distance.jensenshannon(p, q, base=2)};
 *       symmetric.
 *   <li>{@link #kl}: Kullback–Leibler divergence KL(p‖q) = Σ p ln(p/q), as
 *       {@code scipy.stats.entropy(p, q)}; not symmetric.
 *   <li>{@link #hellinger}: √(½ Σ (√p − √q)²), in [0, 1]; symmetric.
 *   <li>{@link #totalVariation}: ½ Σ |p − q|, in [0, 1]; symmetric.
 * </ul>
 * All are 0 for identical distributions and drift when ≥ threshold. Stateless and thread-safe.
 */
final class BinnedDistance {
  /**
   * Proportion that replaces an empty bin before renormalising, for PSI and KL only: {@value}
   * (Evidently's value).
   */
  public static final double EPSILON = 1e-4;

  private BinnedDistance() {}

  /** Population stability index. */
  public static double psi(long[] reference, long[] current) {
    double[][] pq = proportions(reference, current);
    double s = 0;
    for (int i = 0; i < pq[0].length; i++) {
      s += (pq[1][i] - pq[0][i]) * Math.log(pq[1][i] / pq[0][i]);
    }
    return s;
  }

  /** Jensen–Shannon distance, base 2. */
  public static double jensenShannon(long[] reference, long[] current) {
    double[][] pq = rawProportions(reference, current);
    double left = 0;
    double right = 0;
    for (int i = 0; i < pq[0].length; i++) {
      double p = pq[0][i];
      double q = pq[1][i];
      double m = (p + q) / 2;
      // scipy.special.rel_entr: a zero proportion contributes 0
      left += p == 0 ? 0 : p * Math.log(p / m);
      right += q == 0 ? 0 : q * Math.log(q / m);
    }
    double divergence = Math.max(0, (left + right) / 2) / Math.log(2);
    return Math.sqrt(divergence);
  }

  /** Kullback–Leibler divergence of the reference from the current distribution, natural log. */
  public static double kl(long[] reference, long[] current) {
    double[][] pq = proportions(reference, current);
    double s = 0;
    for (int i = 0; i < pq[0].length; i++) {
      s += pq[0][i] * Math.log(pq[0][i] / pq[1][i]);
    }
    return Math.max(0, s);
  }

  /** Hellinger distance. */
  public static double hellinger(long[] reference, long[] current) {
    double[][] pq = rawProportions(reference, current);
    double s = 0;
    for (int i = 0; i < pq[0].length; i++) {
      double d = Math.sqrt(pq[0][i]) - Math.sqrt(pq[1][i]);
      s += d * d;
    }
    return Math.sqrt(s / 2);
  }

  /** Total variation distance. */
  public static double totalVariation(long[] reference, long[] current) {
    double[][] pq = rawProportions(reference, current);
    double s = 0;
    for (int i = 0; i < pq[0].length; i++) {
      s += Math.abs(pq[0][i] - pq[1][i]);
    }
    return s / 2;
  }

  /** Smoothed, renormalised proportions {reference, current}, for PSI and KL. */
  static double[][] proportions(long[] reference, long[] current) {
    double[][] pq = rawProportions(reference, current);
    return new double[][] {smooth(pq[0]), smooth(pq[1])};
  }

  /** Proportions {reference, current}: counts over their total. */
  static double[][] rawProportions(long[] reference, long[] current) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    if (reference.length != current.length || reference.length == 0) {
      throw new IllegalArgumentException(
          "reference and current need the same, non-empty bins, had " + reference.length + " and "
              + current.length);
    }
    return new double[][] {shares(reference, "reference"), shares(current, "current")};
  }

  private static double[] shares(long[] counts, String name) {
    double total = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException(name + " counts must be >= 0, had " + c);
      }
      total += c;
    }
    if (total == 0) {
      throw new IllegalArgumentException(name + " has no values");
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      p[i] = counts[i] / total;
    }
    return p;
  }

  private static double[] smooth(double[] shares) {
    double[] p = new double[shares.length];
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      p[i] = shares[i] == 0 ? EPSILON : shares[i];
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
