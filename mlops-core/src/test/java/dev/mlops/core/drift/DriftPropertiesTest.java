package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DriftPropertiesTest {
  /** Samples of 4..60 values on a coarse grid, so ties are frequent. */
  private static final Gen<double[]> SAMPLES =
      lists().of(integers().between(-20, 20)).ofSizeBetween(4, 60)
          .zip(doubles().between(0.1, 3), (ints, scale) ->
              ints.stream().mapToDouble(i -> i * scale).toArray());

  private static final List<BiFunction<double[], double[], TestResult>> P_VALUE_TESTS = List.of(
      KolmogorovSmirnovTest::test, MannWhitneyUTest::test, CramerVonMisesTest::test);

  @Test
  void pValuesLieInTheUnitInterval() {
    qt().withExamples(200).forAll(SAMPLES, SAMPLES).checkAssert((a, b) -> {
      for (BiFunction<double[], double[], TestResult> t : P_VALUE_TESTS) {
        assertThat(t.apply(a, b).pValue()).isBetween(0.0, 1.0);
      }
      if (distinct(a, b) > 1) {
        assertThat(AndersonDarlingTest.test(a, b).pValue()).isBetween(0.001, 0.25);
      }
      if (variance(a) + variance(b) > 0) {
        assertThat(WelchTTest.test(a, b).pValue()).isBetween(0.0, 1.0);
      }
    });
  }

  @Test
  void distancesAreSymmetricWhereDefinedSo() {
    qt().withExamples(200).forAll(SAMPLES, SAMPLES).checkAssert((a, b) -> {
      assertThat(CdfDistance.wasserstein(a, b)).isCloseTo(CdfDistance.wasserstein(b, a),
          within(1e-12));
      assertThat(CdfDistance.energy(a, b)).isCloseTo(CdfDistance.energy(b, a),
          within(1e-12));
      assertThat(KolmogorovSmirnovTest.test(a, b).statistic())
          .isEqualTo(KolmogorovSmirnovTest.test(b, a).statistic());
    });
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 50)).ofSize(6), lists().of(integers().between(0, 50)).ofSize(6))
        .assuming((p, q) -> p.stream().mapToInt(Integer::intValue).sum() > 0
            && q.stream().mapToInt(Integer::intValue).sum() > 0)
        .checkAssert((pl, ql) -> {
          long[] p = pl.stream().mapToLong(Integer::longValue).toArray();
          long[] q = ql.stream().mapToLong(Integer::longValue).toArray();
          assertThat(BinnedDistance.psi(p, q)).isCloseTo(BinnedDistance.psi(q, p), within(1e-12));
          assertThat(BinnedDistance.jensenShannon(p, q)).isCloseTo(BinnedDistance.jensenShannon(q, p), within(1e-12))
              .isBetween(0.0, 1.0);
          assertThat(BinnedDistance.hellinger(p, q)).isCloseTo(BinnedDistance.hellinger(q, p), within(1e-12))
              .isBetween(0.0, 1.0);
          assertThat(BinnedDistance.totalVariation(p, q)).isCloseTo(BinnedDistance.totalVariation(q, p), within(1e-12))
              .isBetween(0.0, 1.0);
          assertThat(BinnedDistance.kl(p, q)).isGreaterThanOrEqualTo(0.0);
        });
  }

  @Test
  void identicalSamplesNeverDrift() {
    qt().withExamples(60).forAll(SAMPLES).checkAssert(a -> {
      Dataset d = Dataset.of(NumericColumn.of("x", a));
      for (DriftTest test : DriftTest.values()) {
        DriftReport report = StatisticalDriftDetector.of(BatchDriftConfig.builder().test(test).build())
            .detect(d, d);
        ColumnDrift c = report.columns().get(0);
        assertThat(c.drifted()).as("%s on %s", test.id(), java.util.Arrays.toString(a)).isFalse();
        assertThat(report.datasetDrift()).isFalse();
        if (c.status() == ColumnStatus.OK && c.pValue().isPresent()) {
          assertThat(c.pValue().getAsDouble()).isBetween(0.0, 1.0);
        }
      }
    });
  }

  private static long distinct(double[] a, double[] b) {
    return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .distinct().count();
  }

  private static double variance(double[] a) {
    double m = java.util.Arrays.stream(a).average().orElse(0);
    return java.util.Arrays.stream(a).map(v -> (v - m) * (v - m)).sum();
  }
}
