package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.evaluation.AveragedMetrics;
import dev.mlops.evaluation.CalibrationBin;
import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.ZeroDivision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every metric against scikit-learn 1.2.1 on the {@link Golden} cases, to 1e-12. */
class EvaluationGoldenTest {
  private static final double TOL = 1e-12;

  static Stream<Arguments> classificationCases() {
    return Stream.of(
        Arguments.of("BINARY_TIES", Golden.BINARY_TIES, ZeroDivision.WARN),
        Arguments.of("SKEWED_BINARY", Golden.SKEWED_BINARY, ZeroDivision.WARN),
        Arguments.of("MULTICLASS", Golden.MULTICLASS, ZeroDivision.WARN),
        Arguments.of("UNSEEN_PREDICTION_ZD1", Golden.UNSEEN_PREDICTION_ZD1, ZeroDivision.ONE));
  }

  static Stream<Arguments> regressionCases() {
    return Stream.of(
        Arguments.of("REG_NORMAL", Golden.REG_NORMAL),
        Arguments.of("REG_HEAVY_TAIL_WITH_ZEROS", Golden.REG_HEAVY_TAIL_WITH_ZEROS),
        Arguments.of("REG_SMALL", Golden.REG_SMALL));
  }

  private static EvaluationData data(Golden.Case c) {
    EvaluationData.Builder b = EvaluationData.builder().actual(c.actual()).predicted(c.predicted());
    if (c.scores() != null) {
      b.scores(c.scores(), "pos");
    } else {
      b.probabilities(c.classes(), c.probabilities());
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classificationCases")
  void labelMetricsMatchScikitLearn(String name, Golden.Case c, ZeroDivision zd) {
    ClassificationReport r =
        Evaluation.classification(data(c), EvaluationConfig.builder().zeroDivision(zd).build());

    assertThat(r.labels()).isEqualTo(c.labels());
    assertThat(r.confusionMatrix().toArray()).isDeepEqualTo(c.confusion());
    assertThat(r.accuracy()).isCloseTo(c.accuracy(), within(TOL));
    for (int k = 0; k < c.labels().size(); k++) {
      ClassMetrics m = r.perClass().get(k);
      assertThat(m.precision().value()).as("precision %s", m.label()).isCloseTo(c.precision()[k], within(TOL));
      assertThat(m.recall().value()).as("recall %s", m.label()).isCloseTo(c.recall()[k], within(TOL));
      assertThat(m.f1().value()).as("f1 %s", m.label()).isCloseTo(c.f1()[k], within(TOL));
    }
    List<AveragedMetrics> avgs = List.of(r.macro(), r.micro(), r.weighted());
    for (int a = 0; a < 3; a++) {
      AveragedMetrics m = avgs.get(a);
      assertThat(m.precision().value()).as("precision avg %d", a).isCloseTo(c.averages()[3 * a], within(TOL));
      assertThat(m.recall().value()).as("recall avg %d", a).isCloseTo(c.averages()[3 * a + 1], within(TOL));
      assertThat(m.f1().value()).as("f1 avg %d", a).isCloseTo(c.averages()[3 * a + 2], within(TOL));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classificationCases")
  void scoreMetricsMatchScikitLearn(String name, Golden.Case c, ZeroDivision zd) {
    ClassificationReport r = Evaluation.classification(data(c));
    double[] expected = c.scoreMetrics();
    assertThat(r.rocAuc().orElseThrow()).as("roc_auc").isCloseTo(expected[0], within(TOL));
    assertThat(r.rocAucWeighted().orElseThrow()).as("roc_auc weighted").isCloseTo(expected[1], within(TOL));
    assertThat(r.averagePrecision().orElseThrow()).as("average precision").isCloseTo(expected[2], within(TOL));
    assertThat(r.logLoss().orElseThrow()).as("log loss").isCloseTo(expected[3], within(TOL));
    if (c.scores() != null) {
      assertThat(r.brierScore().orElseThrow()).as("brier").isCloseTo(expected[4], within(TOL));
      List<CalibrationBin> bins = r.calibration();
      assertThat(bins).hasSize(c.calibrationPredicted().length);
      for (int b = 0; b < bins.size(); b++) {
        assertThat(bins.get(b).meanPredicted()).isCloseTo(c.calibrationPredicted()[b], within(TOL));
        assertThat(bins.get(b).fractionPositive()).isCloseTo(c.calibrationTrue()[b], within(TOL));
      }
    } else {
      assertThat(r.brierScore().isDefined()).isFalse();
      assertThat(r.brierScore().reason()).contains("binary targets only");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressionCases")
  void regressionMetricsMatchScikitLearn(String name, Golden.RegCase c) {
    RegressionReport r = Evaluation.regression(c.actual(), c.predicted());
    assertThat(r.mae()).as("mae").isCloseTo(c.metrics()[0], within(TOL));
    assertThat(r.rmse()).as("rmse").isCloseTo(c.metrics()[1], within(TOL));
    assertThat(r.mape()).as("mape").isCloseTo(c.metrics()[2], within(TOL * Math.max(1, c.metrics()[2])));
    MetricValue r2 = r.r2();
    assertThat(r2.orElseThrow()).as("r2").isCloseTo(c.metrics()[3], within(TOL));
    for (int q = 0; q < 4; q++) {
      assertThat(r.absErrorQuantiles().get(q).value())
          .as("quantile %s", r.absErrorQuantiles().get(q).level())
          .isCloseTo(c.absErrorQuantiles()[q], within(TOL));
    }
  }
}
