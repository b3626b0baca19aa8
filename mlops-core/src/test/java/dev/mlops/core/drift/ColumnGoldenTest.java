package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.DriftTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Column-level numbers of the detector (quantile binning, normed Wasserstein) against numpy /
 * scipy 1.10.1 on the generated samples of {@code ScipyGoldenTest}: edges =
 * {@code np.unique(np.quantile(a, np.arange(1, 10) / 10))}, counts by
 * {@code np.searchsorted(edges, v, 'right')}, zeros → 1e-4, renormalised.
 */
class ColumnGoldenTest {
  private static final Dataset REF = Dataset.of(NumericColumn.of("x", gen(300, 7919, 10007, 1.0, 0.0)));
  private static final Dataset CUR = Dataset.of(NumericColumn.of("x", gen(200, 104729, 10009, 1.2, 0.05)));

  static double[] gen(int n, long mult, long mod, double scale, double offset) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (double) ((i * mult) % mod) / mod * scale + offset;
    }
    return x;
  }

  private static double statistic(DriftTest test) {
    ColumnDrift c = StatisticalDriftDetector.of(BatchDriftConfig.builder().test(test).build())
        .detect(REF, CUR).columns().get(0);
    return c.statistic();
  }

  @Test
  void binnedDistancesOnReferenceQuantileBinsMatchNumpyScipy() {
    // counts: reference [30 x 10], current [10, 15, 17, 16, 18, 17, 16, 17, 14, 60]
    Map<DriftTest, Double> expected = Map.of(
        DriftTest.PSI, 0.2895648159276222,            // sum((q-p)*log(q/p))
        DriftTest.JENSEN_SHANNON, 0.22404877583449492, // jensenshannon(p, q, base=2)
        DriftTest.KL, 0.12780963150619198,            // scipy.stats.entropy(p, q)
        DriftTest.HELLINGER, 0.18834966516770058,
        DriftTest.TVD, 0.2);
    expected.forEach((test, value) ->
        assertThat(statistic(test)).as(test.id()).isCloseTo(value, within(value * 1e-9)));
  }

  @Test
  void normedWassersteinDividesByTheReferencePopulationStd() {
    // scipy.stats.wasserstein_distance(a, b) / np.std(a)
    assertThat(statistic(DriftTest.WASSERSTEIN)).isCloseTo(0.5059050368884799, within(1e-15));
  }
}
