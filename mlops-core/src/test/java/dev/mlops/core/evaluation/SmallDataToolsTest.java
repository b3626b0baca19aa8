package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FeatureStep;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.ClassificationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallDataToolsTest {
  private static final FeaturePipeline PIPELINE = FeaturePipeline.builder()
      .column("signal", FeatureStep.impute(ImputeStrategy.MEAN), FeatureStep.scale(ScaleKind.STANDARD))
      .column("noise")
      .build();

  /** 30 % positives; "signal" separates the classes up to noise. */
  static Dataset data(int n, long seed, double noise) {
    Random r = new Random(seed);
    double[] signal = new double[n];
    double[] other = new double[n];
    String[] y = new String[n];
    for (int i = 0; i < n; i++) {
      boolean pos = i % 10 < 3;
      y[i] = pos ? "yes" : "no";
      signal[i] = (pos ? 2 : -2) + r.nextGaussian() * noise;
      other[i] = r.nextGaussian();
    }
    return Dataset.of(NumericColumn.of("signal", signal), NumericColumn.of("noise", other),
        CategoricalColumn.of("y", Arrays.asList(y)));
  }

  @Test
  void stratifiedFoldsKeepClassSharesAndCoverEveryRowOnce() {
    List<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < 57; i++) {
      labels.add(i % 10 < 3 ? "yes" : "no");
    }
    int[] fold = CrossValidation.stratifiedFolds(labels, 5, 9);
    for (int f = 0; f < 5; f++) {
      int size = 0;
      int yes = 0;
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] == f) {
          size++;
          yes += labels.get(i).equals("yes") ? 1 : 0;
        }
      }
      assertThat(size).isBetween(11, 12);
      assertThat(yes).isBetween(3, 4);
    }
    assertThatThrownBy(() -> CrossValidation.stratifiedFolds(labels, 20, 1))
        .hasMessage("folds must be in [2, 18] (the size of the smallest class), was 20");
  }

  @Test
  void crossValidationReportsMeanAndInterval() {
    CrossValidation.Report r = CrossValidation.stratified(
        LogisticRegressionTrainer.withSeed(1), data(60, 1, 1.0), "y", PIPELINE, 5, 7);
    assertThat(r.folds()).hasSize(5);
    assertThat(r.folds().stream().mapToInt(ClassificationReport::examples).sum()).isEqualTo(60);
    CrossValidation.MetricSummary acc = r.metric("accuracy");
    double mean = r.folds().stream().mapToDouble(ClassificationReport::accuracy).average()
        .orElseThrow();
    assertThat(acc.mean()).isCloseTo(mean, within(1e-12));
    assertThat(acc.interval().lower()).isLessThanOrEqualTo(acc.mean());
    assertThat(acc.interval().upper()).isGreaterThanOrEqualTo(acc.mean());
    assertThat(acc.mean()).isGreaterThan(0.9);
    assertThat(r.metrics()).containsKeys("accuracy", "macro_f1", "roc_auc");
  }

  @Test
  void tStatisticGivesTheTextbookInterval() {
    // Mean 0.8, sample std 0.1 over 5 folds: t(4, 0.975) = 2.776445, half width 0.124166.
    CrossValidation.MetricSummary s =
        CrossValidation.MetricSummary.of(List.of(0.7, 0.8, 0.9, 0.75, 0.85));
    assertThat(s.std()).isCloseTo(Math.sqrt(0.025 / 4 * 1), within(1e-3));
    double half = 2.776445 * s.std() / Math.sqrt(5);
    assertThat(s.interval().upper() - s.mean()).isCloseTo(half, within(1e-6));
  }

  @Test
  void overfitCheckPassesOnLearnableDataAndFailsOnShuffledLabels() {
    LogisticRegressionTrainer trainer = LogisticRegressionTrainer.builder().l2(0).epochs(300)
        .build();
    Dataset clean = data(100, 2, 0.5);
    assertThat(SanityChecks.overfitSmallSample(trainer, clean, "y", PIPELINE, 20, 3).passed())
        .isTrue();
    // Constant features: nothing to learn from, as when a pipeline bug drops the signal.
    Dataset broken = clean.withColumn(NumericColumn.of("signal", new double[100]))
        .withColumn(NumericColumn.of("noise", new double[100]));
    SanityChecks.OverfitResult r =
        SanityChecks.overfitSmallSample(trainer, broken, "y", PIPELINE, 20, 3);
    assertThat(r.passed()).isFalse();
    assertThat(r.advice()).contains("cannot fit 20 training rows");
  }

  @Test
  void baselinesAreScoredWithTheSameMetrics() {
    Dataset train = data(100, 4, 1.0);
    Dataset test = data(50, 5, 1.0);
    ClassificationReport majority =
        ModelEvaluation.classification(QuickBaselines.majorityClass(train, "y"), test, "y");
    assertThat(majority.accuracy()).isCloseTo(0.7, within(1e-12));
    ClassificationReport rule =
        ModelEvaluation.classification(QuickBaselines.oneFeatureRule(train, "y"), test, "y");
    assertThat(rule.accuracy()).isGreaterThan(0.9);
    assertThat(QuickBaselines.oneFeatureRule(train, "y").name()).startsWith("rule:signal<");
    Dataset numeric = Dataset.of(NumericColumn.of("v", 1, 2, 3), NumericColumn.of("t", 2, 4, 9));
    assertThat(ModelEvaluation.regression(QuickBaselines.mean(numeric, "t"), numeric, "t").mae())
        .isCloseTo((3 + 1 + 4) / 3.0, within(1e-12));
  }
}
