package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.LongTailReport;
import dev.mlops.evaluation.MetricStatus;
import dev.mlops.evaluation.OperatingPoint;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.ZeroDivision;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skewed data, undefined metrics, zero division and bad input. */
class ClassificationEdgeCaseTest {

  @Test
  void skewedDataWarnsThatAccuracyIsMisleadingAndReportsSupport() {
    ClassificationReport r = Evaluation.classification(data(Golden.SKEWED_BINARY));
    assertThat(r.accuracy()).isCloseTo(0.9166666666666666, within(1e-15));
    assertThat(r.majorityClassAccuracy()).isCloseTo(56.0 / 60, within(1e-15));
    assertThat(r.classMetrics("pos").support()).isEqualTo(4);
    assertThat(r.classMetrics("neg").support()).isEqualTo(56);
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w)
        .contains("skewed data: class 'pos' is 6.7% of the actual labels (4 of 60)")
        .contains("accuracy is misleading")
        .contains("0.9333"));
  }

  @Test
  void balancedDataHasNoSkewWarning() {
    assertThat(Evaluation.classification(data(Golden.BINARY_TIES)).warnings()).isEmpty();
  }

  @Test
  void operatingThresholdsForTargetPrecisionAndRecall() {
    // Expected values from sklearn.metrics.precision_recall_curve on SKEWED_BINARY (1.2.1).
    EvaluationData d = data(Golden.SKEWED_BINARY);
    OperatingPoint p = Evaluation.thresholdForPrecision(d, 0.5).orElseThrow();
    assertThat(p.threshold()).isEqualTo(0.72);
    assertThat(p.precision()).isCloseTo(0.6666666666666666, within(1e-15));
    assertThat(p.recall()).isEqualTo(0.5);
    assertThat(p.predictedPositive()).isEqualTo(3);

    OperatingPoint r = Evaluation.thresholdForRecall(d, 0.75).orElseThrow();
    assertThat(r.threshold()).isEqualTo(0.31);
    assertThat(r.precision()).isCloseTo(0.42857142857142855, within(1e-15));
    assertThat(r.recall()).isEqualTo(0.75);

    assertThat(Evaluation.thresholdForRecall(d, 1.0).orElseThrow().precision())
        .isCloseTo(0.11428571428571428, within(1e-15));
    // The highest score (0.93) is a false alarm, so no threshold reaches precision 1.
    assertThat(Evaluation.thresholdForPrecision(d, 1.0)).isEmpty();
  }

  @Test
  void unreachableTargetGivesNoThreshold() {
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("neg", "pos", "neg")).predicted(List.of("pos", "neg", "neg"))
        .scores(new double[] {0.9, 0.2, 0.1}, "pos").build();
    assertThat(Evaluation.thresholdForPrecision(d, 0.9)).isEmpty();
  }

  @Test
  void thresholdNeedsScores() {
    EvaluationData d = EvaluationData.builder().actual(List.of("a")).predicted(List.of("a")).build();
    assertThatThrownBy(() -> Evaluation.thresholdForRecall(d, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs binary scores");
    EvaluationData s = data(Golden.SKEWED_BINARY);
    assertThatThrownBy(() -> Evaluation.thresholdForRecall(s, 1.5))
        .hasMessage("targetRecall must be in [0, 1], was 1.5");
  }

  @Test
  void singleClassDataHasUndefinedRocAucWithAReasonNotNaN() {
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("neg", "neg", "neg")).predicted(List.of("neg", "pos", "neg"))
        .scores(new double[] {0.1, 0.7, 0.3}, "pos").build();
    ClassificationReport r = Evaluation.classification(d);
    assertThat(r.rocAuc().status()).isEqualTo(MetricStatus.UNDEFINED);
    assertThat(r.rocAuc().reason()).contains("only one class present");
    assertThat(r.averagePrecision().isDefined()).isFalse();
    assertThat(r.averagePrecision().reason()).contains("no positive example");
    assertThatThrownBy(() -> r.rocAuc().orElseThrow())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one class present");
    // log loss and Brier score stay defined on one class
    assertThat(r.logLoss().isDefined()).isTrue();
    assertThat(r.brierScore().orElseThrow()).isCloseTo((0.01 + 0.49 + 0.09) / 3, within(1e-15));
  }

  @Test
  void positiveLabelThatNeverOccursIsWarnedAbout() {
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("no", "yes")).predicted(List.of("no", "yes"))
        .scores(new double[] {0.1, 0.7}, "Yes").build();
    assertThat(Evaluation.classification(d).warnings()).contains(
        "positive label 'Yes' occurs in neither the actual nor the predicted labels [no, yes];"
            + " check the positive label");
  }

  @Test
  void multiclassProbabilityColumnAbsentFromLabelsMakesOneVsRestUndefined() {
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("a", "b", "a")).predicted(List.of("a", "b", "c"))
        .probabilities(List.of("a", "b", "c"),
            new double[][] {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.3, 0.3, 0.4}})
        .build();
    ClassificationReport r = Evaluation.classification(d);
    assertThat(r.rocAuc().reason()).contains("class 'c' of the probability columns never occurs");
    assertThat(r.logLoss().isDefined()).isTrue();
  }

  @Test
  void zeroDivisionIsMarkedUnderWarnAndPlainUnderZeroOrOne() {
    // "c" is predicted but never actual: its recall divides by zero; "b" is never predicted.
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("a", "a", "b")).predicted(List.of("a", "c", "a")).build();
    ClassificationReport warn = Evaluation.classification(d);
    assertThat(warn.classMetrics("c").recall().status()).isEqualTo(MetricStatus.ZERO_DIVISION);
    assertThat(warn.classMetrics("c").recall().value()).isEqualTo(0.0);
    assertThat(warn.classMetrics("b").precision().reason()).isEqualTo("class 'b' is never predicted");
    assertThat(warn.macro().precision().status()).isEqualTo(MetricStatus.ZERO_DIVISION);
    assertThat(warn.warnings()).contains(
        "class 'b' occurs 1 times in the actual labels but is never predicted",
        "class 'c' is predicted 1 times but never occurs in the actual labels");

    ClassificationReport one = Evaluation.classification(
        d, EvaluationConfig.builder().zeroDivision(ZeroDivision.ONE).build());
    assertThat(one.classMetrics("c").recall().status()).isEqualTo(MetricStatus.DEFINED);
    assertThat(one.classMetrics("c").recall().value()).isEqualTo(1.0);
    // sklearn zero_division=1: precision_recall_fscore_support(average="macro") -> P = (0.5+1+0)/3
    assertThat(one.macro().precision().value()).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void mismatchedLengthsAreRejectedNamingBothSizes() {
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "b", "c")).predicted(List.of("a", "b")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predicted has 2 entries but actual has 3; every column needs one entry per example");
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "b")).predicted(List.of("a", "b"))
            .scores(new double[] {0.2}, "b").build())
        .hasMessageStartingWith("scores has 1 entries but actual has 2");
  }

  @Test
  void missingPredictionsAreRejectedNamingTheRows() {
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "b", "c", "a")).predicted(Arrays.asList("a", null, "c", null))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predicted labels are missing at 2 of 4 rows, first rows [1, 3]");
  }

  @Test
  void scoresOutsideZeroOneAndBadProbabilitiesAreRejected() {
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "b")).predicted(List.of("a", "b"))
            .ids(List.of("x1", "x2")).scores(new double[] {0.2, 1.7}, "b").build())
        .hasMessage("scores must be probabilities in [0, 1]; row 1 (id 'x2') has 1.7");
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "b")).predicted(List.of("a", "b"))
            .probabilities(List.of("a", "b"), new double[][] {{0.5, 0.5}, {0.5, 0.6}}).build())
        .hasMessage("probabilities of row 1 sum to 1.1, expected 1");
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of("a", "z")).predicted(List.of("a", "b"))
            .probabilities(List.of("a", "b"), new double[][] {{0.5, 0.5}, {0.5, 0.5}}).build())
        .hasMessage("actual label 'z' at row 1 has no probability column; classes: [a, b]");
    assertThatThrownBy(() -> EvaluationData.builder()
            .actual(List.of()).predicted(List.of()).build())
        .hasMessage("no examples: actual and predicted are empty");
  }

  @Test
  void duplicateIdsAreRejected() {
    assertThatThrownBy(() -> EvaluationData.builder().ids(List.of("7", "7"))
            .actual(List.of("a", "b")).predicted(List.of("a", "b")).build())
        .hasMessage("ids must be unique: '7' is at rows 0 and 1");
  }

  @Test
  void regressionBadInputAndConstantTarget() {
    assertThatThrownBy(() -> Evaluation.regression(new double[] {1, 2}, new double[] {1}))
        .hasMessage("predicted has 1 values but actual has 2");
    assertThatThrownBy(() -> Evaluation.regression(new double[] {1, 2}, new double[] {1, Double.NaN}))
        .hasMessage("predicted value at row 1 is NaN; a missing prediction must be removed or imputed explicitly");
    // sklearn r2_score([3, 3], [3, 4]) = 0.0 and r2_score([3, 3], [3, 3]) = 1.0 (force_finite)
    RegressionReport r = Evaluation.regression(new double[] {3, 3}, new double[] {3, 4});
    assertThat(r.r2().status()).isEqualTo(MetricStatus.ZERO_DIVISION);
    assertThat(r.r2().value()).isEqualTo(0.0);
    assertThat(Evaluation.regression(new double[] {3, 3}, new double[] {3, 3}).r2().value())
        .isEqualTo(1.0);
  }

  @Test
  void longTailReportsTheMetricAboveTheBusinessThreshold() {
    double[] minutes = {20, 35, 50, 65, 90, 30};
    double[] predicted = {25, 30, 50, 55, 60, 30};
    LongTailReport r = Evaluation.longTail(minutes, predicted, 60, EvaluationConfig.defaults());
    assertThat(r.tailSize()).isEqualTo(2);
    assertThat(r.tailShare()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(r.tail().orElseThrow().mae()).isEqualTo(20.0); // (10 + 30) / 2
    assertThat(r.overall().mae()).isCloseTo(50.0 / 6, within(1e-12)); // (5+5+0+10+30+0) / 6
    assertThat(Evaluation.longTail(minutes, predicted, 100, EvaluationConfig.defaults()).tail())
        .isEmpty();
  }

  static EvaluationData data(Golden.Case c) {
    return EvaluationData.builder().actual(c.actual()).predicted(c.predicted())
        .scores(c.scores(), "pos").build();
  }
}
