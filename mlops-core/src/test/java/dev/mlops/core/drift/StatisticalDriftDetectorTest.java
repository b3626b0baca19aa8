package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticalDriftDetectorTest {

  static double[] normal(long seed, int n, double mean, double sd) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * r.nextGaussian();
    }
    return x;
  }

  static List<String> categories(long seed, int n, String... values) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(values[r.nextInt(values.length)]);
    }
    return out;
  }

  private static ColumnDrift col(DriftReport report, String name) {
    return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void smallReferenceUsesKsChisquareAndZLikeEvidently() {
    Dataset ref = Dataset.of(
        NumericColumn.of("x", normal(1, 10, 0, 1)),
        NumericColumn.of("few", 1, 2, 3, 1, 2, 3, 1, 2, 3, 1),
        CategoricalColumn.of("color", categories(2, 10, "red", "green", "blue")),
        CategoricalColumn.of("flag", categories(3, 10, "y", "n")));
    Dataset cur = Dataset.of(
        NumericColumn.of("x", normal(4, 7, 0, 1)),
        NumericColumn.of("few", 1, 2, 3, 3, 3, 3, 3),
        CategoricalColumn.of("color", categories(5, 7, "red", "green", "blue")),
        CategoricalColumn.of("flag", categories(6, 7, "y", "n")));
    DriftReport report = StatisticalDriftDetector.defaults().detect(ref, cur);
    assertThat(col(report, "x").test()).isEqualTo("ks");
    assertThat(col(report, "x").threshold()).isEqualTo(0.05);
    assertThat(col(report, "few").test()).isEqualTo("chisquare");
    assertThat(col(report, "color").test()).isEqualTo("chisquare");
    assertThat(col(report, "flag").test()).isEqualTo("z");
    // the column result is the plain test on the present values
    TestResult ks = KolmogorovSmirnovTest.test(normal(1, 10, 0, 1), normal(4, 7, 0, 1));
    assertThat(col(report, "x").statistic()).isEqualTo(ks.statistic());
    assertThat(col(report, "x").pValue()).hasValue(ks.pValue());
  }

  @Test
  void largeReferenceUsesNormedWassersteinAndJensenShannon() {
    double[] few = new double[1500];
    for (int i = 0; i < few.length; i++) {
      few[i] = i % 4;
    }
    Dataset ref = Dataset.of(
        NumericColumn.of("x", normal(1, 1500, 10, 2)),
        NumericColumn.of("few", few),
        CategoricalColumn.of("c", categories(2, 1500, "a", "b", "c")));
    Dataset cur = Dataset.of(
        NumericColumn.of("x", normal(2, 800, 11, 2)),
        NumericColumn.of("few", java.util.Arrays.copyOf(few, 800)),
        CategoricalColumn.of("c", categories(3, 800, "a", "b", "c")));
    DriftReport report = StatisticalDriftDetector.defaults().detect(ref, cur);
    ColumnDrift x = col(report, "x");
    assertThat(x.test()).isEqualTo("wasserstein");
    assertThat(x.pValue()).isEmpty();
    assertThat(x.threshold()).isEqualTo(0.1);
    // a shift of half a standard deviation: normed distance about 0.5
    assertThat(x.statistic()).isBetween(0.35, 0.65);
    assertThat(x.drifted()).isTrue();
    assertThat(col(report, "few").test()).isEqualTo("jensenshannon");
    assertThat(col(report, "few").drifted()).isFalse();
    assertThat(col(report, "c").test()).isEqualTo("jensenshannon");
    assertThat(report.columnsTested()).isEqualTo(3);
    assertThat(report.driftedColumns()).isEqualTo(1);
    assertThat(report.datasetDrift()).isFalse(); // 1/3 < 0.5
  }

  @Test
  void datasetDriftWhenShareReached() {
    Dataset ref = Dataset.of(NumericColumn.of("a", normal(1, 300, 0, 1)),
        NumericColumn.of("b", normal(2, 300, 0, 1)), NumericColumn.of("c", normal(3, 300, 0, 1)));
    Dataset cur = Dataset.of(NumericColumn.of("a", normal(4, 300, 2, 1)),
        NumericColumn.of("b", normal(5, 300, 0, 1)), NumericColumn.of("c", normal(6, 300, 0, 1)));
    assertThat(StatisticalDriftDetector.defaults().detect(ref, cur).datasetDrift()).isFalse();
    DriftReport third = StatisticalDriftDetector.of(
        BatchDriftConfig.builder().driftShare(1.0 / 3).build()).detect(ref, cur);
    assertThat(third.driftedColumns()).isEqualTo(1);
    assertThat(third.datasetDrift()).isTrue();
  }

  @Test
  void overridesPerColumnAndGlobally() {
    Dataset ref = Dataset.of(NumericColumn.of("a", normal(1, 300, 0, 1)),
        NumericColumn.of("b", normal(2, 300, 0, 1)));
    Dataset cur = Dataset.of(NumericColumn.of("a", normal(4, 300, 0.3, 1)),
        NumericColumn.of("b", normal(5, 300, 0, 1)));
    BatchDriftConfig config = BatchDriftConfig.builder()
        .test(DriftTest.MANN_WHITNEY).columnTest("b", DriftTest.PSI)
        .threshold(0.01).columnThreshold("b", 0.2).columns(List.of("b", "a")).build();
    DriftReport report = StatisticalDriftDetector.of(config).detect(ref, cur);
    assertThat(report.columns()).extracting(ColumnDrift::name).containsExactly("b", "a");
    assertThat(col(report, "a").test()).isEqualTo("mannwhitney");
    assertThat(col(report, "a").threshold()).isEqualTo(0.01);
    assertThat(col(report, "b").test()).isEqualTo("psi");
    assertThat(col(report, "b").threshold()).isEqualTo(0.2);
  }

  @Test
  void newCategoriesAreListedAndChisquareHandlesThem() {
    Dataset ref = Dataset.of(CategoricalColumn.of("c", categories(1, 200, "a", "b")));
    List<String> cur = new ArrayList<>(categories(2, 150, "a", "b"));
    cur.addAll(Collections.nCopies(50, "zeta"));
    cur.addAll(Collections.nCopies(5, "eta"));
    DriftReport report = StatisticalDriftDetector.of(
        BatchDriftConfig.builder().test(DriftTest.CHISQUARE).build())
        .detect(ref, Dataset.of(CategoricalColumn.of("c", cur)));
    ColumnDrift c = col(report, "c");
    assertThat(c.newCategories()).containsExactly("eta", "zeta");
    assertThat(c.status()).isEqualTo(ColumnStatus.OK);
    assertThat(c.pValue().getAsDouble()).isGreaterThan(0).isLessThan(1e-6);
    assertThat(c.drifted()).isTrue();
  }

  @Test
  void missingValuesAreRemovedAndTheirRateTestedSeparately() {
    double[] ref = normal(1, 400, 0, 1);
    double[] cur = normal(2, 400, 0, 1);
    for (int i = 0; i < 120; i++) {
      cur[i * 3] = Double.NaN; // 30 % missing now, none before
    }
    DriftReport report = StatisticalDriftDetector.defaults().detect(
        Dataset.of(NumericColumn.of("x", ref)), Dataset.of(NumericColumn.of("x", cur)));
    ColumnDrift x = col(report, "x");
    assertThat(x.referenceMissingRate()).isZero();
    assertThat(x.currentMissingRate()).isCloseTo(0.3, within(1e-12));
    assertThat(x.missingRateDrifted()).isTrue();
    assertThat(x.missingRatePValue().getAsDouble()).isLessThan(1e-10);
    assertThat(x.drifted()).isFalse(); // the present values still come from the same distribution
    assertThat(x.status()).isEqualTo(ColumnStatus.OK);
  }

  @Test
  void badColumnsAreSkippedWithTheReason() {
    Dataset ref = Dataset.of(
        NumericColumn.of("only_ref", 1, 2, 3),
        NumericColumn.of("constant", 5, 5, 5),
        NumericColumn.of("all_missing", Double.NaN, Double.NaN, Double.NaN),
        NumericColumn.of("inf", 1, Double.POSITIVE_INFINITY, 3),
        CategoricalColumn.of("single", "a", "a", "a"),
        NumericColumn.of("mixed", 1, 2, 3),
        TextColumn.of("text", "x", "y", "z"),
        CategoricalColumn.of("cat_ks", "a", "b", "a"));
    Dataset cur = Dataset.of(
        NumericColumn.of("only_cur", 1, 2),
        NumericColumn.of("constant", 5, 5),
        NumericColumn.of("all_missing", 1, 2),
        NumericColumn.of("inf", 1, 2),
        CategoricalColumn.of("single", "a", "a"),
        CategoricalColumn.of("mixed", "1", "2"),
        TextColumn.of("text", "x", "y"),
        CategoricalColumn.of("cat_ks", "a", "b"));
    DriftReport report = StatisticalDriftDetector.of(
        BatchDriftConfig.builder().columnTest("cat_ks", DriftTest.KS).build()).detect(ref, cur);
    assertThat(report.columnsTested()).isZero();
    assertThat(report.datasetDrift()).isFalse();
    assertThat(report.columns()).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(ColumnStatus.SKIPPED);
      assertThat(c.pValue()).isEmpty();
    });
    assertThat(col(report, "only_ref").reason()).hasValue("column is only in the reference data");
    assertThat(col(report, "only_cur").reason()).hasValue("column is only in the current data");
    assertThat(col(report, "constant").reason())
        .hasValue("constant column: every value is 5 on both sides");
    assertThat(col(report, "all_missing").reason())
        .hasValue("all values of the reference data are missing");
    assertThat(col(report, "inf").reason().orElseThrow()).startsWith("reference has 1 infinite value");
    assertThat(col(report, "single").reason())
        .hasValue("constant column: every value is a on both sides");
    assertThat(col(report, "mixed").reason()).hasValue("reference is NUMERIC but current is CATEGORICAL");
    assertThat(col(report, "text").reason()).hasValue("type TEXT is not tested for drift");
    assertThat(col(report, "cat_ks").reason())
        .hasValue("test ks needs numeric data; column is categorical");
  }

  @Test
  void emptySideAndConstantReferenceAreSkipped() {
    Dataset ref = Dataset.of(NumericColumn.of("x", new double[0]));
    Dataset cur = Dataset.of(NumericColumn.of("x", 1, 2));
    assertThat(col(StatisticalDriftDetector.defaults().detect(ref, cur), "x").reason())
        .hasValue("reference data has no rows");
    double[] constant = new double[2000];
    DriftReport report = StatisticalDriftDetector.defaults().detect(
        Dataset.of(NumericColumn.of("x", constant)), Dataset.of(NumericColumn.of("x", normal(1, 100, 0, 1))));
    assertThat(col(report, "x").reason().orElseThrow())
        .startsWith("wasserstein cannot test this column: the reference is constant");
    DriftReport z = StatisticalDriftDetector.of(BatchDriftConfig.builder().test(DriftTest.Z).build())
        .detect(Dataset.of(CategoricalColumn.of("c", "a", "b", "c")),
            Dataset.of(CategoricalColumn.of("c", "a", "b")));
    assertThat(col(z, "c").reason()).hasValue("z cannot test this column: the z-test needs 2 categories, had 3");
  }

  @Test
  void booleanColumnsAreCategorical() {
    DriftReport report = StatisticalDriftDetector.defaults().detect(
        Dataset.of(BooleanColumn.of("b", true, false, true, true)),
        Dataset.of(BooleanColumn.of("b", false, false, false, null)));
    ColumnDrift b = col(report, "b");
    assertThat(b.type()).isEqualTo("categorical");
    assertThat(b.test()).isEqualTo("z");
    assertThat(b.currentMissingRate()).isEqualTo(0.25);
  }

  @Test
  void correctionsAdjustPValuesAcrossColumns() {
    assertThat(MultipleTesting.adjust(new double[] {0.01, 0.04, 0.03, 0.5}, Correction.BH))
        .containsExactly(0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5);
    assertThat(MultipleTesting.adjust(new double[] {0.01, 0.3}, Correction.BONFERRONI))
        .containsExactly(0.02, 0.6);
    Dataset ref = Dataset.of(NumericColumn.of("a", normal(1, 300, 0, 1)),
        NumericColumn.of("b", normal(2, 300, 0, 1)));
    Dataset cur = Dataset.of(NumericColumn.of("a", normal(4, 300, 0.2, 1)),
        NumericColumn.of("b", normal(5, 300, 0, 1)));
    DriftReport none = StatisticalDriftDetector.defaults().detect(ref, cur);
    DriftReport bonf = StatisticalDriftDetector.of(
        BatchDriftConfig.builder().correction(Correction.BONFERRONI).build()).detect(ref, cur);
    double p = col(none, "a").pValue().getAsDouble();
    assertThat(col(none, "a").adjustedPValue()).isEmpty();
    assertThat(col(bonf, "a").pValue()).hasValue(p);
    assertThat(col(bonf, "a").adjustedPValue()).hasValue(Math.min(1, 2 * p));
    assertThat(bonf.correction()).isEqualTo(Correction.BONFERRONI);
  }

  @Test
  void oneDetectorServesManyThreadsWithIdenticalReports() throws Exception {
    Dataset ref = Dataset.of(NumericColumn.of("a", normal(1, 2000, 0, 1)),
        CategoricalColumn.of("c", categories(2, 2000, "x", "y", "z")));
    Dataset cur = Dataset.of(NumericColumn.of("a", normal(3, 1500, 0.2, 1)),
        CategoricalColumn.of("c", categories(4, 1500, "x", "y", "z", "w")));
    StatisticalDriftDetector detector = StatisticalDriftDetector.defaults();
    DriftReport expected = detector.detect(ref, cur);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<DriftReport>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        futures.add(pool.submit(() -> detector.detect(ref, cur)));
      }
      for (java.util.concurrent.Future<DriftReport> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }
}
