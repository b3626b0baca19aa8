package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.profile.ProfileConfig;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.ProfileDrift;
import dev.mlops.profile.StatisticBound;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Drift between profiles against the exact batch detector on the same data: equal where the
 * profiles are exact, within the reported bound (ks, wasserstein) or a stated tolerance (binned
 * distances) where they are sketched.
 */
class ProfileDriftDetectorTest {
  /** A sketch large enough to hold every value of the small datasets: profiles are exact. */
  private static final ProfileConfig EXACT = ProfileConfig.builder().quantileAccuracy(8192).build();

  private static Dataset data(long seed, int n, double shift, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] rating = new double[n];
    List<String> city = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i] = i % 40 == 0 ? Double.NaN : shift + scale * r.nextGaussian();
      rating[i] = 1 + r.nextInt(shift > 0 ? 5 : 4);
      double u = r.nextDouble();
      city.add(i % 25 == 0 ? null : u < 0.5 - shift / 2 ? "lima" : u < 0.8 ? "quito" : "bogota");
    }
    return Dataset.of(NumericColumn.of("x", x), NumericColumn.of("rating", rating),
        CategoricalColumn.of("city", city));
  }

  private static ColumnDrift column(DriftReport report, String name) {
    return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void exactProfilesGiveTheBatchDetectorsNumbersForEveryTestTheyCanRun() {
    Dataset ref = data(1, 800, 0, 1);
    Dataset cur = data(2, 700, 0.3, 1.2);
    DatasetProfile pr = Profiles.of(ref, EXACT);
    DatasetProfile pc = Profiles.of(cur, EXACT);
    for (DriftTest test : List.of(DriftTest.KS, DriftTest.TTEST, DriftTest.WASSERSTEIN,
        DriftTest.WASSERSTEIN_RAW, DriftTest.PSI, DriftTest.JENSEN_SHANNON, DriftTest.KL,
        DriftTest.HELLINGER, DriftTest.TVD)) {
      BatchDriftConfig config = BatchDriftConfig.builder().columns(List.of("x", "rating"))
          .test(test).build();
      DriftReport batch = StatisticalDriftDetector.of(config).detect(ref, cur);
      ProfileDrift fromProfiles = ProfileDriftDetector.of(config).detect(pr, pc);
      for (String name : List.of("x", "rating")) {
        ColumnDrift exact = column(batch, name);
        ColumnDrift estimate = column(fromProfiles.report(), name);
        assertThat(estimate.status()).as("%s %s", test, name).isEqualTo(ColumnStatus.OK);
        assertThat(estimate.statistic()).as("%s %s", test, name)
            .isCloseTo(exact.statistic(), within(1e-9 * (1 + Math.abs(exact.statistic()))));
        if (exact.pValue().isPresent()) {
          assertThat(estimate.pValue().getAsDouble()).as("%s %s", test, name)
              .isCloseTo(exact.pValue().getAsDouble(), within(1e-9));
        }
        assertThat(estimate.drifted()).isEqualTo(exact.drifted());
        assertThat(estimate.missingRatePValue()).isEqualTo(exact.missingRatePValue());
        assertThat(fromProfiles.bound(name).map(StatisticBound::exact)).hasValue(true);
      }
    }
    for (DriftTest test : List.of(DriftTest.CHISQUARE, DriftTest.PSI, DriftTest.JENSEN_SHANNON)) {
      BatchDriftConfig config = BatchDriftConfig.builder().columns(List.of("city")).test(test).build();
      ColumnDrift exact = column(StatisticalDriftDetector.of(config).detect(ref, cur), "city");
      ColumnDrift estimate = column(ProfileDriftDetector.of(config).detect(pr, pc).report(), "city");
      assertThat(estimate.statistic()).isCloseTo(exact.statistic(), within(1e-12));
      assertThat(estimate.newCategories()).isEqualTo(exact.newCategories());
    }
  }

  @Test
  void theDefaultSelectionAndDecisionMatchTheBatchDetector() {
    Dataset ref = data(3, 3000, 0, 1);
    Dataset cur = data(4, 2000, 0.3, 1);
    DriftReport batch = StatisticalDriftDetector.defaults().detect(ref, cur);
    DriftReport fromProfiles = ProfileDriftDetector.defaults()
        .detect(Profiles.of(ref), Profiles.of(cur)).report();
    assertThat(fromProfiles.columns()).extracting(ColumnDrift::test)
        .isEqualTo(batch.columns().stream().map(ColumnDrift::test).toList());
    assertThat(fromProfiles.columns()).extracting(ColumnDrift::drifted)
        .isEqualTo(batch.columns().stream().map(ColumnDrift::drifted).toList());
    assertThat(fromProfiles.datasetDrift()).isEqualTo(batch.datasetDrift());
  }

  @Test
  void sketchedKsAndWassersteinHoldTheExactValueWithinTheReportedBound() {
    for (double shift : new double[] {0, 0.05, 0.3}) {
      Dataset ref = data(5, 60_000, 0, 1);
      Dataset cur = data(6, 40_000, shift, 1 + shift);
      DatasetProfile pr = Profiles.of(ref);
      DatasetProfile pc = Profiles.of(cur);
      for (DriftTest test : List.of(DriftTest.KS, DriftTest.WASSERSTEIN)) {
        BatchDriftConfig config = BatchDriftConfig.builder().columns(List.of("x")).test(test).build();
        double exact = column(StatisticalDriftDetector.of(config).detect(ref, cur), "x").statistic();
        ProfileDrift drift = ProfileDriftDetector.of(config).detect(pr, pc);
        StatisticBound bound = drift.bound("x").orElseThrow();
        assertThat(exact).as("%s shift %s", test, shift).isBetween(bound.lower(), bound.upper());
        assertThat(bound.confidence()).isCloseTo(0.990, within(0.001));
        // measured: widths 0.060 (clipped at 0) to 0.090 for ks; the wasserstein bound, (rank errors) x (range), is
        // conservative: widths 0.40 to 0.80 while the estimates were about 0.01 from the exact values
        assertThat(bound.upper() - bound.lower()).isLessThan(test == DriftTest.KS ? 0.1 : 1.0);
        assertThat(column(drift.report(), "x").reason().orElseThrow())
            .startsWith("estimated from profiles: the exact " + test.id() + " is in [");
      }
    }
  }

  @Test
  void sketchedBinnedDistancesStayCloseToTheExactOnes() {
    // measured on these streams (k = 200): |error| at most 0.0010 (psi), 0.0084 (js), 0.0070
    // (hellinger), 0.0083 (tvd), largest on identical distributions, where sketch noise adds up
    for (double shift : new double[] {0, 0.1, 0.5}) {
      Dataset ref = data(7, 50_000, 0, 1);
      Dataset cur = data(8, 50_000, shift, 1);
      DatasetProfile pr = Profiles.of(ref);
      DatasetProfile pc = Profiles.of(cur);
      for (DriftTest test : List.of(DriftTest.PSI, DriftTest.JENSEN_SHANNON, DriftTest.HELLINGER,
          DriftTest.TVD)) {
        BatchDriftConfig config = BatchDriftConfig.builder().columns(List.of("x")).test(test).build();
        double exact = column(StatisticalDriftDetector.of(config).detect(ref, cur), "x").statistic();
        double estimate = column(ProfileDriftDetector.of(config).detect(pr, pc).report(), "x")
            .statistic();
        assertThat(estimate).as("%s shift %s", test, shift).isCloseTo(exact, within(0.01));
      }
    }
  }

  @Test
  void testsThatNeedTheRawValuesAreSkippedWithAReason() {
    BatchDriftConfig config = BatchDriftConfig.builder().test(DriftTest.MANN_WHITNEY).build();
    ColumnDrift x = column(ProfileDriftDetector.of(config)
        .detect(Profiles.of(data(1, 100, 0, 1)), Profiles.of(data(2, 100, 0, 1))).report(), "x");
    assertThat(x.status()).isEqualTo(ColumnStatus.SKIPPED);
    assertThat(x.reason()).hasValue("test mannwhitney needs the raw values, which profiles do not"
        + " keep; use ks, wasserstein, ttest or a binned distance");
  }

  @Test
  void skipsColumnsForTheBatchDetectorsReasons() {
    Dataset ref = Dataset.of(NumericColumn.of("x", 1, 2, Double.POSITIVE_INFINITY),
        NumericColumn.of("only", 1, 2, 3), NumericColumn.of("constant", 5, 5, 5));
    Dataset cur = Dataset.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.of("constant", 5, 5, 5));
    DriftReport batch = StatisticalDriftDetector.defaults().detect(ref, cur);
    DriftReport fromProfiles = ProfileDriftDetector.defaults()
        .detect(Profiles.of(ref), Profiles.of(cur)).report();
    assertThat(fromProfiles.columns()).extracting(c -> c.reason().orElse(""))
        .isEqualTo(batch.columns().stream().map(c -> c.reason().orElse("")).toList())
        .containsExactly(
            "reference has 1 infinite value(s) (+/-Inf); remove or cap them to test this column",
            "column is only in the reference data",
            "constant column: every value is 5 on both sides");
  }
}
