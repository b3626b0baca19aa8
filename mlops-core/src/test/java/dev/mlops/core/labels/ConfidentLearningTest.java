package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.labels.LabelIssue;
import dev.mlops.labels.LabelIssueReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfidentLearningTest {
  private static final List<String> CLASSES = List.of("a", "b", "c");
  private final ConfidentLearning finder = new ConfidentLearning();

  /**
   * Three unit-variance Gaussian blobs 8 apart (separable), 10% of labels flipped to another
   * class, and out-of-sample probabilities from 5-fold cross-validated nearest-centroid
   * classification trained on the noisy labels.
   */
  @Test
  void findsInjectedFlipsWithHighPrecision() {
    int n = 600;
    SplittableRandom random = new SplittableRandom(2024);
    double[][] centers = {{0, 0}, {8, 0}, {4, 7}};
    double[][] x = new double[n][];
    int[] labels = new int[n];
    Set<Integer> flipped = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int truth = i % 3;
      x[i] = new double[] {centers[truth][0] + gaussian(random), centers[truth][1] + gaussian(random)};
      labels[i] = truth;
      if (random.nextDouble() < 0.10) {
        labels[i] = (truth + 1 + random.nextInt(2)) % 3;
        flipped.add(i);
      }
    }
    double[][] probabilities = crossValidatedProbabilities(x, labels, 5);

    LabelIssueReport report = finder.find(CLASSES, labels, probabilities);

    Set<Integer> found = new HashSet<>();
    report.issues().forEach(issue -> found.add(issue.index()));
    long truePositives = found.stream().filter(flipped::contains).count();
    double precision = (double) truePositives / found.size();
    double recall = (double) truePositives / flipped.size();
    assertThat(flipped).hasSizeGreaterThan(40);
    assertThat(precision).isGreaterThanOrEqualTo(0.9);
    assertThat(recall).isGreaterThanOrEqualTo(0.8);
    // Ranked most suspicious first; each issue suggests the example's true class.
    assertThat(report.issues()).isSortedAccordingTo(
        (p, q) -> Double.compare(p.selfConfidence(), q.selfConfidence()));
    for (LabelIssue issue : report.issues()) {
      if (flipped.contains(issue.index())) {
        assertThat(issue.suggestedLabel()).isEqualTo(CLASSES.get(issue.index() % 3));
      }
    }
    // The noise matrix is column-stochastic and close to the 90% diagonal we injected.
    for (int j = 0; j < 3; j++) {
      double column = 0;
      for (int i = 0; i < 3; i++) {
        column += report.noiseMatrix().get(i).get(j);
      }
      assertThat(column).isCloseTo(1.0, within(1e-12));
      assertThat(report.noiseMatrix().get(j).get(j)).isBetween(0.8, 0.97);
    }
    assertThat(report.selfConfidence()).hasSize(n);
  }

  @Test
  void confidentJointThresholdsAndScoresOnAHandExample() {
    // Class a: examples 0,1 (p_a 0.9, 0.7 -> t_a = 0.8); class b: examples 2,3 (p_b 0.8, 0.2 ->
    // t_b = 0.5). Example 3 is labeled b but p_a = 0.8 >= t_a: it counts in C[b][a].
    int[] labels = {0, 0, 1, 1};
    double[][] p = {{0.9, 0.1}, {0.7, 0.3}, {0.2, 0.8}, {0.8, 0.2}};
    LabelIssueReport report = finder.find(List.of("a", "b"), labels, p);
    assertThat(report.thresholds()).containsExactly(0.8, 0.5);
    // Example 1: p_a 0.7 < 0.8 and p_b 0.3 < 0.5 -> not confident.
    assertThat(report.confidentJoint()).containsExactly(List.of(1L, 0L), List.of(1L, 1L));
    assertThat(report.issues()).extracting(LabelIssue::index).containsExactly(3);
    assertThat(report.issues().get(0).suggestedLabel()).isEqualTo("a");
    assertThat(report.selfConfidence().get(3)).isEqualTo(0.2);
    assertThat(report.normalizedMargin().get(3)).isCloseTo((0.2 - 0.8 + 1) / 2, within(1e-15));
  }

  @Test
  void badInputIsRejectedNamingTheExample() {
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[] {0, 2},
        new double[][] {{1, 0}, {0, 1}}))
        .hasMessage("labels[1] = 2 is not a class index in [0, 2)");
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[] {0, 1},
        new double[][] {{1, 0}, {0.5, 0.4}}))
        .hasMessage("probabilities[1] sums to 0.9, expected 1");
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[] {0},
        new double[][] {{1, 0}, {0, 1}}))
        .hasMessage("labels has 1 entries but probabilities has 2 rows");
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[] {0},
        new double[][] {{1, 0, 0}}))
        .hasMessage("probabilities[0] has 3 columns, expected 2 (one per class)");
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[] {0},
        new double[][] {{Double.NaN, 1}}))
        .hasMessage("probabilities[0][0] = NaN is not in [0, 1]");
    assertThatThrownBy(() -> finder.find(List.of("a"), new int[] {0}, new double[][] {{1}}))
        .hasMessage("classes must have at least 2 entries, had 1");
    assertThatThrownBy(() -> finder.find(List.of("a", "b"), new int[0], new double[0][]))
        .hasMessage("labels must not be empty");
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static double[][] crossValidatedProbabilities(double[][] x, int[] labels, int folds) {
    int n = x.length;
    double[][] p = new double[n][];
    for (int fold = 0; fold < folds; fold++) {
      double[][] sum = new double[3][2];
      int[] count = new int[3];
      for (int i = 0; i < n; i++) {
        if (i % folds != fold) {
          sum[labels[i]][0] += x[i][0];
          sum[labels[i]][1] += x[i][1];
          count[labels[i]]++;
        }
      }
      for (int i = 0; i < n; i++) {
        if (i % folds == fold) {
          double[] logits = new double[3];
          double max = Double.NEGATIVE_INFINITY;
          for (int k = 0; k < 3; k++) {
            double dx = x[i][0] - sum[k][0] / count[k];
            double dy = x[i][1] - sum[k][1] / count[k];
            logits[k] = -(dx * dx + dy * dy) / 2;
            max = Math.max(max, logits[k]);
          }
          double z = 0;
          for (int k = 0; k < 3; k++) {
            logits[k] = Math.exp(logits[k] - max);
            z += logits[k];
          }
          for (int k = 0; k < 3; k++) {
            logits[k] /= z;
          }
          p[i] = logits;
        }
      }
    }
    return p;
  }
}
