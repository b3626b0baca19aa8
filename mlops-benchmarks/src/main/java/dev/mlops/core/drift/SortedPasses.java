package dev.mlops.core.drift;

import dev.mlops.drift.BatchDriftConfig;

/**
 * Opens the package-private passes that the drift tests make after sorting, so that the
 * benchmarks can split a test's time into the sort floor and what follows it. Like {@link
 * RadixSortFloor} it lives in mlops-core's package on the benchmarks' class path only.
 *
 * <p>Stateless and thread-safe.
 */
public final class SortedPasses {
  private SortedPasses() {}

  /**
   * Runs one test's pass over samples already sorted ascending.
   *
   * @param test {@code ks}, {@code mannwhitney}, {@code anderson}, {@code cvm}, {@code energy} or
   *     {@code wasserstein}
   * @param a the first sample, sorted
   * @param b the second sample, sorted
   * @return the statistic or distance
   */
  public static double statistic(String test, double[] a, double[] b) {
    return switch (test) {
      case "ks" -> KolmogorovSmirnovTest.testSorted(a, b).statistic();
      case "mannwhitney" -> MannWhitneyUTest.testSorted(a, b).statistic();
      case "anderson" -> AndersonDarlingTest.testSorted(a, b).statistic();
      case "cvm" -> CramerVonMisesTest.testSorted(a, b).statistic();
      case "energy" -> CdfDistance.energySorted(a, b);
      case "wasserstein" -> CdfDistance.wassersteinSorted(a, b) / StatisticalDriftDetector.populationStd(a);
      default -> throw new IllegalArgumentException("not a sort-based test: " + test);
    };
  }

  /**
   * The passes a {@link StatisticalDriftDetector} makes over a numeric column besides sorting and
   * the test: the copy of the present values (without missing values a plain copy, timed here as
   * one), the infinite-value count over the ends of each sorted sample and the distinct-value
   * count over both sorted samples, which stops at its cap for the default number of bins.
   *
   * @param a the first sample, sorted
   * @param b the second sample, sorted
   * @return the distinct count plus the infinite count, so nothing is optimised away
   */
  public static long detectorScans(double[] a, double[] b) {
    long infinite = 0;
    for (double[] x : new double[][] {a, b}) {
      infinite += ColumnSample.infiniteCount(x.clone());
    }
    int cap = StatisticalDriftDetector.distinctCap(BatchDriftConfig.DEFAULT_BINS);
    return StatisticalDriftDetector.distinctUnion(a, b, cap) + infinite;
  }
}
