package dev.mlops.core.feedback;

import dev.mlops.scoping.KeyMetrics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The realized performance of a set of labeled predictions, kept as counts that can also be taken
 * back (a duplicate label replaces an earlier one): a confusion matrix, a histogram of the raw
 * positive-class score for ROC AUC, and error sums for a regressor. Metrics are named as in
 * {@link KeyMetrics}: for two classes {@code accuracy}, {@code precision}, {@code recall},
 * {@code f1} (of the positive class) and {@code roc.auc}; for more classes {@code accuracy} and
 * the macro averages; for a regressor {@code mae} and {@code rmse}. A metric that is undefined for
 * the data (no predicted positives for precision, one class for ROC AUC) is left out.
 *
 * <p>ROC AUC is computed on the model's raw scores (never on calibrated ones, the mistake of
 * nannyml#98), binned into {@value #SCORE_BINS} equal bins: pairs within one bin count half, so
 * the value is within 1/{@value #SCORE_BINS} of the exact one.
 *
 * <p>Not thread-safe; {@link LivePerformance} guards its tallies.
 */
public final class PerformanceTally {
  /** Bins of the score histogram: {@value}. */
  public static final int SCORE_BINS = 10_000;

  private final Optional<String> positiveClass;
  private final Map<String, Map<String, Long>> confusion = new TreeMap<>();
  private String scoredClass;
  private long[] positiveScores;
  private long[] negativeScores;
  private long count;
  private long regressionCount;
  private double absoluteErrors;
  private double squaredErrors;

  /**
   * Creates an empty tally.
   *
   * @param positiveClass the positive class of a binary classifier; when empty, the second of the
   *     model's classes (scikit-learn's {@code classes_[1]}) once probabilities are seen
   */
  public PerformanceTally(Optional<String> positiveClass) {
    this.positiveClass = positiveClass;
  }

  /** Returns how many labeled predictions are counted. */
  public long count() {
    return count;
  }

  /** Counts a labeled prediction. */
  public void add(JoinedPrediction p) {
    update(p, 1);
  }

  /** Takes back a prediction counted before (its label was replaced). */
  public void remove(JoinedPrediction p) {
    update(p, -1);
  }

  private void update(JoinedPrediction p, int sign) {
    String truth = p.truth().orElseThrow(() -> new IllegalArgumentException(
        "prediction " + p.requestId() + " has no label"));
    count += sign;
    if (p.label().isPresent()) {
      confusion.computeIfAbsent(truth, k -> new TreeMap<>())
          .merge(p.label().get(), (long) sign, Long::sum);
      Optional<String> positive = positiveClass.or(() -> secondClass(p));
      Double score = positive.map(c -> p.probabilities().get(c)).orElse(null);
      if (score != null && score >= 0 && score <= 1) {
        if (positiveScores == null) {
          scoredClass = positive.get();
          positiveScores = new long[SCORE_BINS];
          negativeScores = new long[SCORE_BINS];
        }
        int bin = Math.min(SCORE_BINS - 1, (int) (score * SCORE_BINS));
        (truth.equals(positive.get()) ? positiveScores : negativeScores)[bin] += sign;
      }
    } else if (p.score().isPresent()) {
      double error = p.score().getAsDouble() - parse(truth, p.requestId());
      regressionCount += sign;
      absoluteErrors += sign * Math.abs(error);
      squaredErrors += sign * error * error;
    }
  }

  private static Optional<String> secondClass(JoinedPrediction p) {
    return p.probabilities().size() == 2
        ? p.probabilities().keySet().stream().skip(1).findFirst() : Optional.empty();
  }

  private static double parse(String truth, String id) {
    try {
      return Double.parseDouble(truth);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "label '" + truth + "' of regression prediction " + id + " is not a number", e);
    }
  }

  /** Returns the metrics defined for what was counted, named as in {@link KeyMetrics}. */
  public Map<String, Double> metrics() {
    Map<String, Double> out = new LinkedHashMap<>();
    if (regressionCount > 0) {
      out.put(KeyMetrics.MAE, absoluteErrors / regressionCount);
      out.put(KeyMetrics.RMSE, Math.sqrt(squaredErrors / regressionCount));
    }
    Set<String> classes = new LinkedHashSet<>(confusion.keySet());
    long n = 0;
    long correct = 0;
    for (Map.Entry<String, Map<String, Long>> row : confusion.entrySet()) {
      classes.addAll(row.getValue().keySet());
      for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
        n += cell.getValue();
        if (cell.getKey().equals(row.getKey())) {
          correct += cell.getValue();
        }
      }
    }
    if (n == 0) {
      return out;
    }
    out.put(KeyMetrics.ACCURACY, (double) correct / n);
    Optional<String> positive = positiveClass.or(() -> Optional.ofNullable(scoredClass));
    if (classes.size() <= 2 && positive.isPresent()) {
      String pos = positive.get();
      long tp = cell(pos, pos);
      long fp = 0;
      long fn = 0;
      for (String c : classes) {
        if (!c.equals(pos)) {
          fp += cell(c, pos);
          fn += cell(pos, c);
        }
      }
      putRatio(out, KeyMetrics.PRECISION, tp, tp + fp);
      putRatio(out, KeyMetrics.RECALL, tp, tp + fn);
      putRatio(out, KeyMetrics.F1, 2 * tp, 2 * tp + fp + fn);
      rocAuc().ifPresent(a -> out.put(KeyMetrics.ROC_AUC, a));
    } else if (classes.size() > 2) {
      double p = 0;
      double r = 0;
      double f = 0;
      for (String c : classes) {
        long tp = cell(c, c);
        long predicted = 0;
        long actual = 0;
        for (String o : classes) {
          predicted += cell(o, c);
          actual += cell(c, o);
        }
        p += predicted == 0 ? 0 : (double) tp / predicted;
        r += actual == 0 ? 0 : (double) tp / actual;
        f += predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
      }
      out.put(KeyMetrics.PRECISION_MACRO, p / classes.size());
      out.put(KeyMetrics.RECALL_MACRO, r / classes.size());
      out.put(KeyMetrics.F1_MACRO, f / classes.size());
    }
    return out;
  }

  private long cell(String truth, String predicted) {
    return confusion.getOrDefault(truth, Map.of()).getOrDefault(predicted, 0L);
  }

  private static void putRatio(Map<String, Double> out, String name, long num, long den) {
    if (den > 0) {
      out.put(name, (double) num / den);
    }
  }

  private Optional<Double> rocAuc() {
    if (positiveScores == null) {
      return Optional.empty();
    }
    double positives = 0;
    double negatives = 0;
    double wins = 0;
    for (int b = 0; b < SCORE_BINS; b++) {
      wins += negativeScores[b] * (positives + positiveScores[b] / 2.0);
      positives += positiveScores[b];
      negatives += negativeScores[b];
    }
    // wins counted pairs where the negative scored at or above the positive; flip it
    return positives == 0 || negatives == 0 ? Optional.empty()
        : Optional.of(1 - wins / (positives * negatives));
  }
}
