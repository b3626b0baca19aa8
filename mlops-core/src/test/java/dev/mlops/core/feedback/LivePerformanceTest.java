package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.feedback.GroundTruth;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LivePerformanceTest {
  final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");

  private static LoggedPrediction prediction(String id, Instant at, String version, double yes) {
    var o = Outcomes.success(id, at, version, Map.of("x", 1.0), yes >= 0.5 ? "yes" : "no", yes);
    return LoggedPrediction.of(o, Map.of());
  }

  @Test
  void metricsPerWindowAndVersionAsLabelsArriveWithDuplicatesTakenBack() {
    LivePerformance live = LivePerformance.of(Duration.ofHours(1), Optional.empty());
    LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), TestClock.at(t0), live);
    join.prediction(prediction("a", t0, "1", 0.9));                        // yes
    join.prediction(prediction("b", t0.plusSeconds(10), "1", 0.2));        // no
    join.prediction(prediction("c", t0.plusSeconds(20), "1", 0.7));        // yes
    join.prediction(prediction("d", t0.plusSeconds(30), "2", 0.6));        // yes, other version
    join.prediction(prediction("e", t0.plusSeconds(3600), "1", 0.4));     // no, next hour
    join.label(new GroundTruth("a", "yes", t0));
    join.label(new GroundTruth("b", "yes", t0));
    join.label(new GroundTruth("c", "yes", t0));
    join.label(new GroundTruth("c", "no", t0)); // replaces: c is now a false positive
    join.label(new GroundTruth("d", "yes", t0));
    join.label(new GroundTruth("e", "no", t0));
    List<WindowPerformance> windows = live.windows();
    assertThat(windows).extracting(WindowPerformance::modelVersion, WindowPerformance::start, WindowPerformance::labeled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", t0, 3L),
            org.assertj.core.groups.Tuple.tuple("1", t0.plusSeconds(3600), 1L),
            org.assertj.core.groups.Tuple.tuple("2", t0, 1L));
    Map<String, Double> m = windows.get(0).metrics();
    // truth yes yes no, predicted yes no yes: TP 1, FN 1, FP 1
    assertThat(m.get(KeyMetrics.ACCURACY)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.get(KeyMetrics.PRECISION)).isCloseTo(0.5, within(1e-12));
    assertThat(m.get(KeyMetrics.RECALL)).isCloseTo(0.5, within(1e-12));
    assertThat(m.get(KeyMetrics.F1)).isCloseTo(0.5, within(1e-12));
    // scores of positives .9 .2, of the negative .7: pairs (.9>.7) won, (.2<.7) lost
    assertThat(m.get(KeyMetrics.ROC_AUC)).isCloseTo(0.5, within(1e-12));
    assertThat(windows.get(2).metrics()).doesNotContainKey(KeyMetrics.ROC_AUC); // one class only
  }

  @Test
  void rocAucOfTheTallyAgreesWithThePairwiseDefinition() {
    java.util.Random random = new java.util.Random(4);
    PerformanceTally tally = new PerformanceTally(Optional.of("yes"));
    int n = 400;
    double[] score = new double[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      score[i] = random.nextDouble();
      positive[i] = random.nextDouble() < score[i];
      tally.add(new JoinedPrediction("r" + i, t0, "1", Optional.of(score[i] >= 0.5 ? "yes" : "no"),
          OptionalDouble.of(score[i]), Map.of("no", 1 - score[i], "yes", score[i]),
          Optional.of(positive[i] ? "yes" : "no"), Optional.empty()));
    }
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(tally.metrics().get(KeyMetrics.ROC_AUC))
        .isCloseTo(wins / pairs, within(1.0 / PerformanceTally.SCORE_BINS));
  }

  @Test
  void regressionGetsMaeAndRmse() {
    PerformanceTally tally = new PerformanceTally(Optional.empty());
    double[][] rows = {{1.5, 1}, {2, 2}, {2, 3}}; // prediction, truth: errors .5, 0, -1
    for (double[] r : rows) {
      tally.add(new JoinedPrediction("r", t0, "1", Optional.empty(), OptionalDouble.of(r[0]), Map.of(),
          Optional.of(Double.toString(r[1])), Optional.empty()));
    }
    assertThat(tally.metrics().get(KeyMetrics.MAE)).isCloseTo(0.5, within(1e-12));
    assertThat(tally.metrics().get(KeyMetrics.RMSE)).isCloseTo(Math.sqrt(1.25 / 3), within(1e-12));
  }
}
