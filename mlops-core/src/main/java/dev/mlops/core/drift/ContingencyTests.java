package dev.mlops.core.drift;

import java.util.Objects;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Tests on category counts of two samples, with the numbers of scipy 1.10. Each takes the counts
 * of the reference and the current sample over the same categories, in the same order (the union
 * of categories seen on either side, so a category seen on one side only counts 0 on the other).
 *
 * <ul>
 *   <li>{@link #chiSquare}: homogeneity test on the 2×k table, no Yates correction, as
 *       {@code scipy.stats.chi2_contingency(table, correction=False)}; statistic Σ(O−E)²/E,
 *       p = P(χ²<sub>k−1</sub> ≥ statistic).
 *   <li>{@link #twoProportionZ}: z = (p<sub>1</sub> − p<sub>2</sub>)/√(P(1−P)(1/n<sub>1</sub> +
 *       1/n<sub>2</sub>)) for the share of the first category, pooled P; p = 2·sf(|z|), computed
 *       from the tail (Evidently's 2·(1 − cdf) loses precision below 1e-16).
 *   <li>{@link #fisherExact}: two-sided Fisher exact test on the 2×2 table, as
 *       {@code scipy.stats.fisher_exact(table)}: statistic the sample odds ratio, p the sum of the
 *       hypergeometric probabilities not above that of the table (relative tolerance 1e-14).
 * </ul>
 * Drift when p &lt; threshold. Stateless and thread-safe.
 */
final class ContingencyTests {
  private ContingencyTests() {}

  /**
   * Chi-square test of homogeneity.
   *
   * @param reference counts per category, non-negative, at least one positive
   * @param current counts per category, same length
   * @throws IllegalArgumentException if lengths differ, a count is negative, a side is empty or
   *     fewer than 2 categories are present in the union
   */
  public static TestResult chiSquare(long[] reference, long[] current) {
    check(reference, current);
    double n1 = sum(reference);
    double n2 = sum(current);
    double total = n1 + n2;
    double statistic = 0;
    int present = 0;
    for (int c = 0; c < reference.length; c++) {
      double column = (double) reference[c] + current[c];
      if (column == 0) {
        continue;
      }
      present++;
      double e1 = n1 * column / total;
      double e2 = n2 * column / total;
      statistic += (reference[c] - e1) * (reference[c] - e1) / e1;
      statistic += (current[c] - e2) * (current[c] - e2) / e2;
    }
    if (present < 2) {
      throw new IllegalArgumentException("chi-square needs at least 2 categories, had " + present);
    }
    double p = Gamma.regularizedGammaQ((present - 1) / 2.0, statistic / 2, 1e-15, 100_000);
    return new TestResult(statistic, Samples.clip(p));
  }

  /**
   * Two-proportion z-test on two categories.
   *
   * @param reference counts of the two categories
   * @param current counts of the two categories
   * @throws IllegalArgumentException if not exactly 2 categories, a side is empty, or both sides
   *     hold only one of the categories
   */
  public static TestResult twoProportionZ(long[] reference, long[] current) {
    check(reference, current);
    if (reference.length != 2) {
      throw new IllegalArgumentException("the z-test needs 2 categories, had " + reference.length);
    }
    double n1 = sum(reference);
    double n2 = sum(current);
    double p1 = reference[0] / n1;
    double p2 = current[0] / n2;
    double pooled = (reference[0] + current[0]) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) {
      throw new IllegalArgumentException("the z-test needs both categories present, one has count 0");
    }
    double z = (p1 - p2) / se;
    return new TestResult(z, Samples.clip(2 * Normal.sf(Math.abs(z))));
  }

  /**
   * Fisher's exact test on a 2×2 table: rows reference and current, columns the two categories.
   *
   * @throws IllegalArgumentException if not exactly 2 categories or a side is empty
   */
  public static TestResult fisherExact(long[] reference, long[] current) {
    check(reference, current);
    if (reference.length != 2) {
      throw new IllegalArgumentException("Fisher's test needs 2 categories, had " + reference.length);
    }
    long c00 = reference[0];
    long c01 = reference[1];
    long c10 = current[0];
    long c11 = current[1];
    double odds = c10 > 0 && c01 > 0 ? (double) c00 * c11 / ((double) c10 * c01) : Double.POSITIVE_INFINITY;
    if (c00 + c10 == 0 || c01 + c11 == 0) {
      return new TestResult(Double.NaN, 1.0);
    }
    long n1 = c00 + c01;
    long n2 = c10 + c11;
    long n = c00 + c10;
    if (n1 + n2 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Fisher's test supports up to 2^31 - 1 rows, had " + (n1 + n2));
    }
    HypergeometricDistribution h =
        new HypergeometricDistribution(null, (int) (n1 + n2), (int) n1, (int) n);
    double observed = h.probability((int) c00);
    double limit = observed * (1 + 1e-14);
    int lower = h.getSupportLowerBound();
    int upper = h.getSupportUpperBound();
    double p = 0;
    for (int x = lower; x <= upper; x++) {
      double px = h.probability(x);
      if (px <= limit) {
        p += px;
      }
    }
    return new TestResult(odds, Samples.clip(p));
  }

  private static void check(long[] reference, long[] current) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    if (reference.length != current.length) {
      throw new IllegalArgumentException(
          "reference and current need the same categories, had " + reference.length + " and "
              + current.length);
    }
    for (int c = 0; c < reference.length; c++) {
      if (reference[c] < 0 || current[c] < 0) {
        throw new IllegalArgumentException("counts must be >= 0, category " + c + " had "
            + reference[c] + " and " + current[c]);
      }
    }
    if (sum(reference) == 0 || sum(current) == 0) {
      throw new IllegalArgumentException("both sides need at least one value");
    }
  }

  private static long sum(long[] counts) {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }
}
