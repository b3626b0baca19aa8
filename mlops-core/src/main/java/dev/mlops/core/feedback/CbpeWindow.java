package dev.mlops.core.feedback;

import dev.mlops.scoping.KeyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Confidence-based performance estimation (CBPE, as in NannyML) for one window of a binary
 * classifier's predictions, before their labels arrive. Each prediction's calibrated
 * positive-class probability {@code p} is the chance that it is truly positive, so the window's
 * expected confusion matrix is {@code TP = sum p} and {@code FP = sum (1 - p)} over predicted
 * positives, {@code FN = sum p} and {@code TN = sum (1 - p)} over predicted negatives; accuracy,
 * precision, recall and F1 follow from it, and ROC AUC from a histogram of the raw scores holding
 * the sums of {@code p} and {@code 1 - p} per bin.
 *
 * <p><b>Incremental and mergeable.</b> The state is a few sums and a fixed histogram, never the
 * rows, so it runs on an unbounded stream in constant memory, and windows of several instances
 * {@linkplain #merge merge}. The sums are kept in fixed point (units of 2<sup>-32</sup>) in
 * {@code long}s, so a merged window equals the single-stream one exactly, whatever the order.
 *
 * <p><b>Sampling band.</b> With calibrated probabilities each prediction is correct with chance
 * {@code p} (predicted positive) or {@code 1 - p} (predicted negative), so the realized count of
 * correct predictions is a sum of independent Bernoulli variables with variance
 * {@code sum p (1 - p)}; the band is
 * {@value #BAND_SIGMAS} standard deviations either side of the estimate (NannyML's ±3 σ), clipped
 * to [0, 1]. Precision uses the variance of TP over the predicted positives, recall and F1 the
 * delta method over TP and FN, ROC AUC Hanley and McNeil's (1982) standard error with the expected
 * class counts.
 *
 * <p>A prediction whose probabilities are missing, NaN, outside [0, 1] or do not sum to 1
 * (± {@value #SUM_TOLERANCE}) is excluded and counted with its reason ({@link #excluded()}).
 *
 * <p>Not thread-safe: one window per thread, then merge.
 */
public final class CbpeWindow {
  /** Half-width of the band in standard deviations: {@value} (NannyML's ±3 σ). */
  public static final double BAND_SIGMAS = 3;

  /** How far from 1 a probability vector's sum may be: {@value}. */
  public static final double SUM_TOLERANCE = 1e-6;

  /** Bins of the raw-score histogram: {@value}. */
  public static final int SCORE_BINS = 1000;

  private static final double SCALE = 0x1p32;

  private final CbpeCalibration calibration;
  private final String positiveClass;
  private long count;
  private long predictedPositive;
  private long tpSum;
  private long fnSum;
  private long tpVariance;
  private long fnVariance;
  private final long[] positiveMass = new long[SCORE_BINS];
  private final long[] negativeMass = new long[SCORE_BINS];
  private final Map<String, Long> excluded = new TreeMap<>();

  private CbpeWindow(CbpeCalibration calibration, String positiveClass) {
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    this.positiveClass = Objects.requireNonNull(positiveClass, "positiveClass");
  }

  /** An empty window that estimates with this calibration for this positive class. */
  public static CbpeWindow create(CbpeCalibration calibration, String positiveClass) {
    return new CbpeWindow(calibration, positiveClass);
  }

  /**
   * Adds one prediction.
   *
   * @param probabilities class to probability
   * @param predictedLabel the class the model predicted
   * @return why the prediction was excluded, or empty when it was counted
   */
  public Optional<String> add(Map<String, Double> probabilities, Optional<String> predictedLabel) {
    Optional<String> problem = check(probabilities, predictedLabel);
    if (problem.isPresent()) {
      excluded.merge(problem.get(), 1L, Long::sum);
      return problem;
    }
    double raw = probabilities.get(positiveClass);
    double p = Math.min(1, Math.max(0, calibration.apply(raw)));
    long mass = Math.round(p * SCALE);
    long variance = Math.round(p * (1 - p) * SCALE);
    count++;
    if (predictedLabel.get().equals(positiveClass)) {
      predictedPositive++;
      tpSum += mass;
      tpVariance += variance;
    } else {
      fnSum += mass;
      fnVariance += variance;
    }
    int bin = Math.min(SCORE_BINS - 1, (int) (raw * SCORE_BINS));
    positiveMass[bin] += mass;
    negativeMass[bin] += (long) SCALE - mass;
    return Optional.empty();
  }

  private Optional<String> check(Map<String, Double> probabilities, Optional<String> label) {
    if (label.isEmpty()) {
      return Optional.of("no predicted label");
    }
    if (probabilities.isEmpty()) {
      return Optional.of("no probabilities");
    }
    double sum = 0;
    for (Double v : probabilities.values()) {
      if (v == null || v.isNaN()) {
        return Optional.of("a probability is NaN");
      }
      if (v < 0 || v > 1) {
        return Optional.of("a probability is outside [0, 1]");
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      return Optional.of("probabilities do not sum to 1");
    }
    if (!probabilities.containsKey(positiveClass)) {
      return Optional.of("no probability for the positive class '" + positiveClass + "'");
    }
    return Optional.empty();
  }

  /**
   * Adds another window's state to this one.
   *
   * @throws IllegalArgumentException if the other window uses another calibration or positive
   *     class
   */
  public void merge(CbpeWindow other) {
    if (other.calibration != calibration || !other.positiveClass.equals(positiveClass)) {
      throw new IllegalArgumentException(
          "only windows of the same calibration and positive class merge");
    }
    count += other.count;
    predictedPositive += other.predictedPositive;
    tpSum += other.tpSum;
    fnSum += other.fnSum;
    tpVariance += other.tpVariance;
    fnVariance += other.fnVariance;
    for (int b = 0; b < SCORE_BINS; b++) {
      positiveMass[b] += other.positiveMass[b];
      negativeMass[b] += other.negativeMass[b];
    }
    other.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
  }

  /** Returns how many predictions were counted. */
  public long count() {
    return count;
  }

  /** Returns reason to count of the predictions excluded. */
  public Map<String, Long> excluded() {
    return Map.copyOf(excluded);
  }

  /** An estimated metric with its band. Immutable and thread-safe. */
  public record Estimate(double value, double lower, double upper) {}

  /**
   * Returns the estimates, named as in {@link KeyMetrics} ({@code accuracy}, {@code precision},
   * {@code recall}, {@code f1}, {@code roc.auc}); a metric undefined for the window (no predicted
   * positives, an empty window) is left out.
   */
  public Map<String, Estimate> estimate() {
    Map<String, Estimate> out = new LinkedHashMap<>();
    if (count == 0) {
      return out;
    }
    double n = count;
    double k1 = predictedPositive;
    double k0 = n - k1;
    double a = tpSum / SCALE;
    double b = fnSum / SCALE;
    double va = tpVariance / SCALE;
    double vb = fnVariance / SCALE;
    out.put(KeyMetrics.ACCURACY, band((a + k0 - b) / n, Math.sqrt(va + vb) / n));
    if (k1 > 0) {
      out.put(KeyMetrics.PRECISION, band(a / k1, Math.sqrt(va) / k1));
    }
    if (a + b > 0) {
      double s = (a + b) * (a + b);
      out.put(KeyMetrics.RECALL, band(a / (a + b), Math.sqrt(b * b * va + a * a * vb) / s));
      double d = a + k1 + b;
      out.put(KeyMetrics.F1, band(2 * a / d,
          Math.sqrt(4 * (k1 + b) * (k1 + b) * va + 4 * a * a * vb) / (d * d)));
    }
    rocAuc().ifPresent(e -> out.put(KeyMetrics.ROC_AUC, e));
    return out;
  }

  private Optional<Estimate> rocAuc() {
    double positives = 0;
    double negatives = 0;
    double wrong = 0;
    for (int i = 0; i < SCORE_BINS; i++) {
      double pos = positiveMass[i] / SCALE;
      double neg = negativeMass[i] / SCALE;
      wrong += neg * (positives + pos / 2);
      positives += pos;
      negatives += neg;
    }
    if (positives <= 0 || negatives <= 0) {
      return Optional.empty();
    }
    double auc = 1 - wrong / (positives * negatives);
    double q1 = auc / (2 - auc);
    double q2 = 2 * auc * auc / (1 + auc);
    double variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc)
        + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
    return Optional.of(band(auc, Math.sqrt(Math.max(0, variance))));
  }

  private static Estimate band(double value, double sigma) {
    return new Estimate(value, Math.max(0, value - BAND_SIGMAS * sigma),
        Math.min(1, value + BAND_SIGMAS * sigma));
  }
}
