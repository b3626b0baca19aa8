package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mlops.evaluation.MetricValue;
import org.junit.jupiter.api.Test;

/** ROC-AUC against its pairwise definition, with many ties. */
class RankingProperties {

  @Test
  void rocAucIsTheShareOfCorrectlyOrderedPairsWithTiesCountingHalf() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 21)).ofSizeBetween(1, 60))
        .checkAssert(codes -> {
          int n = codes.size();
          boolean[] positive = new boolean[n];
          double[] scores = new double[n];
          for (int i = 0; i < n; i++) {
            positive[i] = codes.get(i) % 2 == 0;
            scores[i] = (codes.get(i) / 2) / 10.0; // 11 distinct values: many ties
          }
          MetricValue auc = RankingMetrics.rocAuc(RankingMetrics.curve(positive, scores));
          double pairs = 0;
          double wins = 0;
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              if (positive[i] && !positive[j]) {
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
              }
            }
          }
          if (pairs == 0) {
            assertThat(auc.isDefined()).isFalse();
          } else {
            assertThat(auc.value()).isCloseTo(wins / pairs, within(1e-12));
          }
        });
  }

  @Test
  void curveCountsEveryExampleOnce() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 9)).ofSizeBetween(1, 50))
        .checkAssert(codes -> {
          int n = codes.size();
          boolean[] positive = new boolean[n];
          double[] scores = new double[n];
          for (int i = 0; i < n; i++) {
            positive[i] = codes.get(i) < 4;
            scores[i] = codes.get(i) % 5 * 0.25;
          }
          RankingMetrics.Curve c = RankingMetrics.curve(positive, scores);
          assertThat(c.positives() + c.negatives()).isEqualTo(n);
          assertThat(c.thresholds()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
          assertThat(c.thresholds().length).isLessThanOrEqualTo(5); // 5 distinct scores
        });
  }
}
