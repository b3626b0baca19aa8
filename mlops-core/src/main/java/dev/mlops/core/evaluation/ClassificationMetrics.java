package dev.mlops.core.evaluation;

import dev.mlops.evaluation.AveragedMetrics;
import dev.mlops.evaluation.CalibrationBin;
import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ConfusionMatrix;
import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.MetricStatus;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.ZeroDivision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Computes a {@link ClassificationReport} with scikit-learn 1.2's definitions. */
final class ClassificationMetrics {
  /** scikit-learn 1.2 log_loss's eps="auto": the float64 machine epsilon, 2^-52. */
  static final double LOG_LOSS_EPS = Math.ulp(1.0);

  private static final String NO_SCORES =
      "no scores given; pass binary scores or class probabilities";

  private ClassificationMetrics() {}

  static ClassificationReport report(EvaluationData data, EvaluationConfig config) {
    List<String> labels = data.labels();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int n = data.size();
    int k = labels.size();
    long[][] cm = new long[k][k];
    long correct = 0;
    for (int i = 0; i < n; i++) {
      cm[index.get(data.actual(i))][index.get(data.predicted(i))]++;
      if (data.correct(i)) {
        correct++;
      }
    }
    long[] tp = new long[k];
    long[] support = new long[k];
    long[] predicted = new long[k];
    for (int a = 0; a < k; a++) {
      tp[a] = cm[a][a];
      for (int p = 0; p < k; p++) {
        support[a] += cm[a][p];
        predicted[p] += cm[a][p];
      }
    }
    ZeroDivision zd = config.zeroDivision();
    List<ClassMetrics> perClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      String label = labels.get(c);
      MetricValue precision =
          divide(tp[c], predicted[c], zd, "class '" + label + "' is never predicted");
      MetricValue recall =
          divide(tp[c], support[c], zd, "class '" + label + "' never occurs in the actual labels");
      perClass.add(
          new ClassMetrics(label, support[c], predicted[c], precision, recall, f1(precision, recall)));
    }
    long tpSum = sum(tp);
    MetricValue microP = divide(tpSum, sum(predicted), zd, "nothing predicted");
    MetricValue microR = divide(tpSum, sum(support), zd, "no actual labels");
    AveragedMetrics micro = new AveragedMetrics(microP, microR, f1(microP, microR));
    AveragedMetrics macro = average(perClass, null);
    AveragedMetrics weighted = average(perClass, support);

    long maxSupport = 0;
    for (long s : support) {
      maxSupport = Math.max(maxSupport, s);
    }
    double majorityAccuracy = (double) maxSupport / n;
    List<String> warnings = warnings(labels, support, predicted, n, majorityAccuracy, config);
    data.positiveLabel().filter(p -> !labels.contains(p)).ifPresent(p -> warnings.add(
        "positive label '" + p + "' occurs in neither the actual nor the predicted labels "
            + labels + "; check the positive label"));

    ScoreMetrics scores = scoreMetrics(data, config, labels);
    return new ClassificationReport(
        n,
        labels,
        ConfusionMatrix.of(labels, cm),
        (double) correct / n,
        perClass,
        macro,
        micro,
        weighted,
        data.positiveLabel(),
        scores.rocAuc,
        scores.rocAucWeighted,
        scores.averagePrecision,
        scores.logLoss,
        scores.brier,
        scores.calibration,
        majorityAccuracy,
        warnings);
  }

  private static List<String> warnings(
      List<String> labels, long[] support, long[] predicted, int n, double majorityAccuracy,
      EvaluationConfig config) {
    List<String> warnings = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      double share = (double) support[c] / n;
      if (support[c] > 0 && share < config.skewedClassShare() && labels.size() > 1) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "skewed data: class '%s' is %.1f%% of the actual labels (%d of %d); accuracy is"
                    + " misleading (always predicting the majority class scores %.4f), look at"
                    + " per-class precision and recall",
                labels.get(c), 100 * share, support[c], n, majorityAccuracy));
      }
      if (support[c] > 0 && predicted[c] == 0) {
        warnings.add("class '" + labels.get(c) + "' occurs " + support[c]
            + " times in the actual labels but is never predicted");
      }
      if (support[c] == 0) {
        warnings.add("class '" + labels.get(c) + "' is predicted " + predicted[c]
            + " times but never occurs in the actual labels");
      }
    }
    return warnings;
  }

  /** scikit-learn's _prf_divide: a zero denominator gives the zero_division substitute. */
  static MetricValue divide(long numerator, long denominator, ZeroDivision zd, String reason) {
    if (denominator != 0) {
      return MetricValue.of((double) numerator / denominator);
    }
    return switch (zd) {
      case WARN -> MetricValue.zeroDivision(0.0, reason);
      case ZERO -> MetricValue.of(0.0);
      case ONE -> MetricValue.of(1.0);
    };
  }

  /** F1 from (possibly substituted) precision and recall; 0 when both are 0, like sklearn. */
  static MetricValue f1(MetricValue precision, MetricValue recall) {
    double p = precision.value();
    double r = recall.value();
    double denom = p + r;
    if (denom == 0.0) {
      denom = 1;
    }
    double f = 2.0 * p * r / denom;
    return inherit(f, precision, recall);
  }

  private static MetricValue inherit(double value, MetricValue... parts) {
    for (MetricValue part : parts) {
      if (part.status() == MetricStatus.ZERO_DIVISION) {
        return MetricValue.zeroDivision(value, part.reason());
      }
    }
    return MetricValue.of(value);
  }

  private static AveragedMetrics average(List<ClassMetrics> perClass, long[] weights) {
    int k = perClass.size();
    double[] p = new double[k];
    double[] r = new double[k];
    double[] f = new double[k];
    MetricValue[] all = new MetricValue[3 * k];
    for (int c = 0; c < k; c++) {
      ClassMetrics m = perClass.get(c);
      p[c] = m.precision().value();
      r[c] = m.recall().value();
      f[c] = m.f1().value();
      all[3 * c] = m.precision();
      all[3 * c + 1] = m.recall();
      all[3 * c + 2] = m.f1();
    }
    return new AveragedMetrics(
        inherit(npAverage(p, weights), all),
        inherit(npAverage(r, weights), all),
        inherit(npAverage(f, weights), all));
  }

  /** numpy.average: the mean, or sum(a * w) / sum(w). */
  private static double npAverage(double[] a, long[] weights) {
    if (weights == null) {
      return NumpyMath.mean(a);
    }
    double[] aw = new double[a.length];
    double[] w = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      w[i] = weights[i];
      aw[i] = a[i] * w[i];
    }
    return NumpyMath.sum(aw) / NumpyMath.sum(w);
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  /** The score-based metrics, all undefined when there are no scores. */
  private record ScoreMetrics(
      MetricValue rocAuc, MetricValue rocAucWeighted, MetricValue averagePrecision,
      MetricValue logLoss, MetricValue brier, List<CalibrationBin> calibration) {
    static ScoreMetrics none() {
      MetricValue u = MetricValue.undefined(NO_SCORES);
      return new ScoreMetrics(u, u, u, u, u, List.of());
    }
  }

  private static ScoreMetrics scoreMetrics(
      EvaluationData data, EvaluationConfig config, List<String> labels) {
    Optional<String> positive = data.positiveLabel();
    if (positive.isPresent()) {
      return binaryScoreMetrics(data, positive.get(), config);
    }
    if (!data.probabilityClasses().isEmpty()) {
      return multiclassScoreMetrics(data);
    }
    return ScoreMetrics.none();
  }

  private static ScoreMetrics binaryScoreMetrics(
      EvaluationData data, String positiveLabel, EvaluationConfig config) {
    double[] s = data.scoresUnsafe();
    boolean[] y = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      y[i] = data.actual(i).equals(positiveLabel);
    }
    RankingMetrics.Curve curve = RankingMetrics.curve(y, s);
    MetricValue auc = RankingMetrics.rocAuc(curve);
    return new ScoreMetrics(
        auc,
        auc,
        RankingMetrics.averagePrecision(curve),
        MetricValue.of(binaryLogLoss(y, s)),
        MetricValue.of(brier(y, s)),
        calibration(y, s, config.calibrationBins()));
  }

  /** scikit-learn 1.2 log_loss for a 1-D score: clip, expand to [1-p, p], renormalize. */
  static double binaryLogLoss(boolean[] y, double[] s) {
    double[] losses = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      double q = Math.min(Math.max(s[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
      double neg = 1 - q;
      double rowSum = neg + q;
      losses[i] = -Math.log((y[i] ? q : neg) / rowSum);
    }
    return NumpyMath.mean(losses);
  }

  static double brier(boolean[] y, double[] s) {
    double[] sq = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      double d = (y[i] ? 1.0 : 0.0) - s[i];
      sq[i] = d * d;
    }
    return NumpyMath.mean(sq);
  }

  /** scikit-learn's calibration_curve(strategy="uniform"), keeping only non-empty bins. */
  static List<CalibrationBin> calibration(boolean[] y, double[] s, int bins) {
    double step = 1.0 / bins;
    double[] edges = new double[bins + 1];
    for (int b = 0; b < bins; b++) {
      edges[b] = b * step; // numpy.linspace multiplies the index by the step
    }
    edges[bins] = 1.0;
    double[] sums = new double[bins];
    long[] trues = new long[bins];
    long[] totals = new long[bins];
    for (int i = 0; i < s.length; i++) {
      // searchsorted(inner edges, p, side="left"): the number of inner edges strictly below p.
      int bin = 0;
      while (bin < bins - 1 && edges[bin + 1] < s[i]) {
        bin++;
      }
      sums[bin] += s[i];
      totals[bin]++;
      if (y[i]) {
        trues[bin]++;
      }
    }
    List<CalibrationBin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (totals[b] > 0) {
        out.add(new CalibrationBin(edges[b], edges[b + 1], totals[b],
            sums[b] / totals[b], (double) trues[b] / totals[b]));
      }
    }
    return out;
  }

  private static ScoreMetrics multiclassScoreMetrics(EvaluationData data) {
    List<String> classes = data.probabilityClasses();
    double[][] probs = data.probabilitiesUnsafe();
    int n = data.size();
    int k = classes.size();
    double[] aucs = new double[k];
    double[] aps = new double[k];
    double[] weights = new double[k];
    String undefinedReason = null;
    for (int c = 0; c < k; c++) {
      boolean[] y = new boolean[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = data.actual(i).equals(classes.get(c));
        s[i] = probs[i][c];
        if (y[i]) {
          weights[c]++;
        }
      }
      RankingMetrics.Curve curve = RankingMetrics.curve(y, s);
      MetricValue auc = RankingMetrics.rocAuc(curve);
      MetricValue ap = RankingMetrics.averagePrecision(curve);
      if (!auc.isDefined() || !ap.isDefined()) {
        undefinedReason = "class '" + classes.get(c) + "' of the probability columns "
            + (weights[c] == 0 ? "never occurs in" : "is the only class of")
            + " the actual labels; one-vs-rest metrics need every class present with others";
        break;
      }
      aucs[c] = auc.value();
      aps[c] = ap.value();
    }
    MetricValue macroAuc;
    MetricValue weightedAuc;
    MetricValue macroAp;
    if (undefinedReason != null) {
      macroAuc = weightedAuc = macroAp = MetricValue.undefined(undefinedReason);
    } else {
      macroAuc = MetricValue.of(NumpyMath.mean(aucs));
      double[] weightedTerms = new double[k];
      for (int c = 0; c < k; c++) {
        weightedTerms[c] = aucs[c] * weights[c];
      }
      weightedAuc = MetricValue.of(NumpyMath.sum(weightedTerms) / NumpyMath.sum(weights));
      macroAp = MetricValue.of(NumpyMath.mean(aps));
    }
    double[] losses = new double[n];
    for (int i = 0; i < n; i++) {
      double[] clipped = new double[k];
      for (int c = 0; c < k; c++) {
        clipped[c] = Math.min(Math.max(probs[i][c], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
      }
      double rowSum = NumpyMath.sum(clipped);
      losses[i] = -Math.log(clipped[classes.indexOf(data.actual(i))] / rowSum);
    }
    MetricValue brier = MetricValue.undefined(
        "the Brier score is defined for binary targets only (scikit-learn 1.2 brier_score_loss)");
    return new ScoreMetrics(
        macroAuc, weightedAuc, macroAp, MetricValue.of(NumpyMath.mean(losses)), brier, List.of());
  }
}
