package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.OperatingPoint;
import java.util.Arrays;

/**
 * ROC-AUC, average precision and operating thresholds of a binary score, from the cumulative
 * counts at each distinct score (scikit-learn's {@code _binary_clf_curve}): ties share one
 * threshold, so tied positives and negatives count half, as in the Mann-Whitney statistic.
 */
final class RankingMetrics {
  /** Distinct thresholds (descending) with cumulative true and false positives at each. */
  record Curve(double[] thresholds, long[] tps, long[] fps) {
    long positives() {
      return tps.length == 0 ? 0 : tps[tps.length - 1];
    }

    long negatives() {
      return fps.length == 0 ? 0 : fps[fps.length - 1];
    }
  }

  private RankingMetrics() {}

  /**
   * Builds the curve from the positives' and the negatives' scores sorted apart (primitive sorts,
   * no boxing), merged from the highest score down; equal scores form one threshold.
   */
  static Curve curve(boolean[] positive, double[] scores) {
    int p = 0;
    for (boolean b : positive) {
      if (b) {
        p++;
      }
    }
    double[] pos = new double[p];
    double[] neg = new double[scores.length - p];
    int a = 0;
    int b = 0;
    for (int i = 0; i < scores.length; i++) {
      if (positive[i]) {
        pos[a++] = scores[i];
      } else {
        neg[b++] = scores[i];
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    double[] thresholds = new double[scores.length];
    long[] tps = new long[scores.length];
    long[] fps = new long[scores.length];
    int i = pos.length - 1;
    int j = neg.length - 1;
    int m = 0;
    long tp = 0;
    long fp = 0;
    while (i >= 0 || j >= 0) {
      double v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
      while (i >= 0 && pos[i] == v) {
        tp++;
        i--;
      }
      while (j >= 0 && neg[j] == v) {
        fp++;
        j--;
      }
      thresholds[m] = v;
      tps[m] = tp;
      fps[m] = fp;
      m++;
    }
    return new Curve(Arrays.copyOf(thresholds, m), Arrays.copyOf(tps, m), Arrays.copyOf(fps, m));
  }

  /** Trapezoidal area under the ROC curve, as scikit-learn's roc_auc_score (binary). */
  static MetricValue rocAuc(Curve c) {
    long p = c.positives();
    long n = c.negatives();
    if (p == 0 || n == 0) {
      return MetricValue.undefined(
          "only one class present in the actual labels; ROC-AUC needs positives and negatives");
    }
    // Twice the area in units of one positive x one negative: exact in integers.
    long twiceArea = 0;
    long prevTp = 0;
    long prevFp = 0;
    for (int j = 0; j < c.tps.length; j++) {
      twiceArea += (c.fps[j] - prevFp) * (c.tps[j] + prevTp);
      prevTp = c.tps[j];
      prevFp = c.fps[j];
    }
    return MetricValue.of(twiceArea / 2.0 / ((double) p * n));
  }

  /**
   * Average precision, scikit-learn's step-wise sum of precision times the recall increase over
   * thresholds (not interpolated).
   */
  static MetricValue averagePrecision(Curve c) {
    long p = c.positives();
    if (p == 0) {
      return MetricValue.undefined(
          "no positive example in the actual labels; average precision needs at least one");
    }
    // Same terms and summation order as scikit-learn's -sum(diff(recall) * precision[:-1]), which
    // runs from the lowest threshold up.
    int m = c.tps.length;
    double[] terms = new double[m];
    double prevRecall = 0;
    for (int j = 0; j < m; j++) {
      double recall = (double) c.tps[j] / p;
      double precision = (double) c.tps[j] / (c.tps[j] + c.fps[j]);
      terms[m - 1 - j] = (recall - prevRecall) * precision;
      prevRecall = recall;
    }
    return MetricValue.of(NumpyMath.sum(terms));
  }

  /**
   * The threshold with the highest recall among those with precision at least {@code target};
   * ties go to the highest threshold. Empty if no threshold reaches the target.
   */
  static java.util.Optional<OperatingPoint> forPrecision(Curve c, double target) {
    OperatingPoint best = null;
    for (int j = 0; j < c.tps.length; j++) {
      OperatingPoint op = point(c, j);
      if (op.precision() >= target && (best == null || op.recall() > best.recall())) {
        best = op;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /**
   * The threshold with the highest precision among those with recall at least {@code target};
   * ties go to the highest threshold. Empty if no threshold reaches the target.
   */
  static java.util.Optional<OperatingPoint> forRecall(Curve c, double target) {
    OperatingPoint best = null;
    for (int j = 0; j < c.tps.length; j++) {
      OperatingPoint op = point(c, j);
      if (op.recall() >= target && (best == null || op.precision() > best.precision())) {
        best = op;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static OperatingPoint point(Curve c, int j) {
    long predicted = c.tps[j] + c.fps[j];
    double precision = (double) c.tps[j] / predicted;
    double recall = c.positives() == 0 ? 0 : (double) c.tps[j] / c.positives();
    return new OperatingPoint(c.thresholds[j], precision, recall, predicted);
  }
}
