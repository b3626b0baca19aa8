package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.MeasurementLevel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgreementStatisticsTest {
  private static final double TOL = 1e-12;

  private static Ratings ratings(List<Annotation> annotations, MeasurementLevel level) {
    return Ratings.of(annotations, level, List.of());
  }

  @Test
  void fleissKappaOfFleiss1971MatchesStatsmodels() {
    // statsmodels test_inter_rater.py test_fleiss_kappa_irr; full precision from
    // fleiss_kappa(aggregate_raters(diagnoses)[0]) = 0.43024452006014074.
    Ratings r = ratings(Fixtures.fromItemRows(Fixtures.FLEISS_1971_DIAGNOSES),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.fleissKappa(r).value()).isCloseTo(0.43024452006014074,
        within(TOL));
  }

  @Test
  void cohenKappaOfSklearnTableIsEightTwentyThirds() {
    // sklearn test_classification.py test_cohen_kappa: confusion [[20, 20], [10, 50]] -> 8/23.
    int[] y1 = new int[100];
    int[] y2 = new int[100];
    for (int i = 0; i < 100; i++) {
      y1[i] = i < 40 ? 0 : 1;
      y2[i] = i < 20 ? 0 : i < 40 ? 1 : i < 50 ? 0 : 1;
    }
    Ratings r = ratings(Fixtures.twoRaters(y1, y2), MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.cohenKappa(r, 0, 1, KappaWeights.UNWEIGHTED).value())
        .isCloseTo(8.0 / 23, within(TOL));
  }

  @ParameterizedTest
  @CsvSource({
    // sklearn 1.2.1 cohen_kappa_score(diagnoses[:, 0], diagnoses[:, 3], weights=w)
    "0, 3, UNWEIGHTED, 0.2583436341161929",
    "0, 3, LINEAR, 0.21137339055794002",
    "0, 3, QUADRATIC, 0.22301304863582438",
    // sklearn 1.2.1 cohen_kappa_score(diagnoses[:, 2], diagnoses[:, 5], weights=w)
    "2, 5, UNWEIGHTED, 0.33333333333333337",
    "2, 5, LINEAR, 0.25767918088737196",
    "2, 5, QUADRATIC, 0.1839080459770115",
  })
  void cohenKappaMatchesSklearnOnDiagnoses(int a, int b, KappaWeights w, double expected) {
    Ratings r = ratings(Fixtures.fromItemRows(Fixtures.FLEISS_1971_DIAGNOSES),
        MeasurementLevel.ORDINAL);
    assertThat(AgreementStatistics.cohenKappa(r, a, b, w).value()).isCloseTo(expected,
        within(TOL));
  }

  @ParameterizedTest
  @CsvSource({
    // R irr kappa2(anxiety[, 2:3], ...) in statsmodels test_cohens_kappa_irr (7 digits); full
    // precision from sklearn 1.2.1 cohen_kappa_score(anxiety[:, 1], anxiety[:, 2], weights=w).
    "UNWEIGHTED, -0.0062893081761006275",
    "LINEAR, 0.14590747330960863",
    "QUADRATIC, 0.2520325203252033",
  })
  void weightedKappaSkipsUnusedLabelsLikeSklearnAndIrr(KappaWeights w, double expected) {
    int[] anxiety = {
      3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4,
      6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4, 2, 1, 4, 4, 3, 2,
      1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2};
    int[] rater2 = Arrays.copyOfRange(anxiety, 20, 40);
    int[] rater3 = Arrays.copyOfRange(anxiety, 40, 60);
    Ratings r = ratings(Fixtures.twoRaters(rater2, rater3), MeasurementLevel.ORDINAL);
    assertThat(AgreementStatistics.cohenKappa(r, 0, 1, w).value()).isCloseTo(expected,
        within(TOL));
  }

  @ParameterizedTest
  @CsvSource({
    // krippendorff package alpha docstring: nominal 0.691358 (= 56/81), interval 0.810845;
    // full precision from the package's alpha(reliability_data, level_of_measurement=level).
    "NOMINAL, 0.691358024691358",
    "ORDINAL, 0.8067214199413153",
    "INTERVAL, 0.8108448928121059",
    "RATIO, 0.8089436707842471",
  })
  void krippendorffAlphaMatchesPackageOnDocstringExample(MeasurementLevel level, double expected) {
    Ratings r = ratings(Fixtures.fromCoderRows(Fixtures.KRIPPENDORFF_DOCSTRING), level);
    assertThat(AgreementStatistics.krippendorffAlpha(r).value()).isCloseTo(expected,
        within(TOL));
  }

  @Test
  void nominalAlphaOfDocstringIsExactly56Over81() {
    Ratings r = ratings(Fixtures.fromCoderRows(Fixtures.KRIPPENDORFF_DOCSTRING),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.krippendorffAlpha(r).value()).isCloseTo(56.0 / 81,
        within(TOL));
  }

  @ParameterizedTest
  @CsvSource({
    // krippendorff docstring: ordinal 0.815, ratio 0.797, nominal 0.743 (3 digits); full
    // precision from the package's alpha on the same 4 x 12 data.
    "NOMINAL, 0.743421052631579",
    "ORDINAL, 0.8153875037548814",
    "INTERVAL, 0.8491071428571428",
    "RATIO, 0.7974027747116121",
  })
  void krippendorffAlphaMatchesPackageOnFourCoders(MeasurementLevel level, double expected) {
    Ratings r = ratings(Fixtures.fromCoderRows(Fixtures.KRIPPENDORFF_FOUR_CODERS), level);
    assertThat(AgreementStatistics.krippendorffAlpha(r).value()).isCloseTo(expected,
        within(TOL));
  }

  @Test
  void ordinalTextLabelsFollowTheGivenOrder() {
    // krippendorff docstring: the same 4 x 12 data as words with an ordered value_domain
    // gives ordinal 0.815, like the numbers.
    String[] words = {"", "very low", "low", "mid", "high", "very high"};
    List<Annotation> numbers = Fixtures.fromCoderRows(Fixtures.KRIPPENDORFF_FOUR_CODERS);
    List<Annotation> text = numbers.stream()
        .map(a -> Annotation.of(a.itemId(), a.annotatorId(), words[Integer.parseInt(a.label())]))
        .toList();
    Ratings r = Ratings.of(text, MeasurementLevel.ORDINAL,
        List.of("very low", "low", "mid", "high", "very high"));
    assertThat(AgreementStatistics.krippendorffAlpha(r).value()).isCloseTo(0.8153875037548814,
        within(TOL));
  }

  @Test
  void percentAgreementIsFleissPBar() {
    // statsmodels fleiss_kappa internals: p_rat.mean() for the diagnoses table, computed by hand
    // as the mean over subjects of (sum n_ij^2 - 6) / 30; for two raters it is the agreeing share.
    int[] a = {1, 1, 2, 2};
    int[] b = {1, 2, 2, 1};
    Ratings r = ratings(Fixtures.twoRaters(a, b), MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.percentAgreement(r).value()).isEqualTo(0.5);
    Ratings three = ratings(List.of(
        Annotation.of("x", "a", "1"), Annotation.of("x", "b", "1"), Annotation.of("x", "c", "2")),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.percentAgreement(three).value()).isCloseTo(1.0 / 3,
        within(TOL));
  }

  @Test
  void everyLabelIdenticalGivesUndefinedAlphaWithReasonNotOne() {
    Ratings r = ratings(Fixtures.twoRaters(new int[] {2, 2, 2}, new int[] {2, 2, 2}),
        MeasurementLevel.NOMINAL);
    Agreement alpha = AgreementStatistics.krippendorffAlpha(r);
    assertThat(alpha.value()).isNaN();
    assertThat(alpha.undefinedReason()).get().asString()
        .contains("same label ('2')").contains("expected disagreement is zero");
    assertThat(AgreementStatistics.fleissKappa(r).undefinedReason()).get().asString()
        .contains("chance agreement is 1");
    assertThat(AgreementStatistics.cohenKappa(r, 0, 1, KappaWeights.UNWEIGHTED)
        .undefinedReason()).get().asString().contains("chance disagreement is zero");
  }

  @Test
  void itemsRatedOnceGiveUndefinedAlpha() {
    Ratings r = ratings(List.of(Annotation.of("x", "a", "1"), Annotation.of("y", "b", "2")),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.krippendorffAlpha(r).undefinedReason()).get().asString()
        .contains("no item has two or more ratings");
    assertThat(AgreementStatistics.fleissKappa(r).undefinedReason()).get().asString()
        .contains("every item has one rating");
    assertThat(AgreementStatistics.cohenKappa(r, 0, 1, KappaWeights.UNWEIGHTED)
        .undefinedReason()).get().asString().contains("share no item");
  }

  @Test
  void fleissKappaWithUnequalRatingCountsIsUndefined() {
    Ratings r = ratings(Fixtures.fromCoderRows(Fixtures.KRIPPENDORFF_DOCSTRING),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.fleissKappa(r).undefinedReason()).get().asString()
        .isEqualTo("items have between 1 and 3 ratings; Fleiss' kappa needs the same number of"
            + " ratings for every item");
  }

  @Test
  void weightedKappaIsUndefinedAtNominalLevel() {
    Ratings r = ratings(Fixtures.twoRaters(new int[] {1, 2}, new int[] {1, 3}),
        MeasurementLevel.NOMINAL);
    assertThat(AgreementStatistics.cohenKappa(r, 0, 1, KappaWeights.LINEAR).undefinedReason())
        .get().asString().contains("needs ordered labels");
  }
}
