package dev.mlops.core.feedback;

import java.util.Arrays;
import java.util.Objects;

/**
 * The calibration CBPE applies to a binary classifier's positive-class probability before it
 * treats it as the chance that the prediction is positive: fitted on a labeled reference window,
 * isotonic regression (pool-adjacent-violators) when it lowers the expected calibration error,
 * else the identity. The choice is made on held-out data: the reference is split in two halves
 * (alternate rows), isotonic is fitted on each and its ECE measured on the other; it is kept
 * only when the mean held-out ECE is below the identity's. NannyML's CBPE makes the same choice
 * on its reference set.
 *
 * <p>ECE here is the equal-width {@value #ECE_BINS}-bin expected calibration error (Naeini et
 * al., 2015): {@code sum_b n_b/n * |mean(p) - mean(y)|} over the bins.
 *
 * <p>Immutable and thread-safe.
 */
public final class CbpeCalibration {
  /** Bins of the expected calibration error: {@value} (the usual choice, as in NannyML). */
  public static final int ECE_BINS = 10;

  /** Which calibration was chosen. An enum: immutable and thread-safe. */
  public enum Kind {
    /** The model's probabilities are used as they are. */
    IDENTITY,
    /** Isotonic regression of the labels on the probabilities. */
    ISOTONIC
  }

  private final Kind kind;
  private final double[] thresholds;
  private final double[] values;
  private final double identityError;
  private final double isotonicError;

  private CbpeCalibration(Kind kind, double[] thresholds, double[] values, double identityError,
      double isotonicError) {
    this.kind = kind;
    this.thresholds = thresholds;
    this.values = values;
    this.identityError = identityError;
    this.isotonicError = isotonicError;
  }

  /** The identity: for a model known to be calibrated. */
  public static CbpeCalibration identity() {
    return new CbpeCalibration(Kind.IDENTITY, new double[0], new double[0], Double.NaN, Double.NaN);
  }

  /**
   * Fits the calibration on a labeled reference window.
   *
   * @param probabilities the model's positive-class probability per reference row
   * @param positive whether each row's label is the positive class
   * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 rows, or a
   *     probability is outside [0, 1] (the row is named)
   */
  public static CbpeCalibration fit(double[] probabilities, boolean[] positive) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(positive, "positive");
    if (probabilities.length != positive.length) {
      throw new IllegalArgumentException("probabilities has " + probabilities.length
          + " rows, labels " + positive.length);
    }
    if (probabilities.length < 2) {
      throw new IllegalArgumentException(
          "the reference needs at least 2 rows, had " + probabilities.length);
    }
    for (int i = 0; i < probabilities.length; i++) {
      if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
        throw new IllegalArgumentException(
            "reference row " + (i + 1) + " has probability " + probabilities[i] + ", not in [0, 1]");
      }
    }
    int n = probabilities.length;
    int half = (n + 1) / 2;
    double[] pa = new double[half];
    boolean[] ya = new boolean[half];
    double[] pb = new double[n - half];
    boolean[] yb = new boolean[n - half];
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        pa[i / 2] = probabilities[i];
        ya[i / 2] = positive[i];
      } else {
        pb[i / 2] = probabilities[i];
        yb[i / 2] = positive[i];
      }
    }
    double identityError = ece(probabilities, positive);
    CbpeCalibration onA = isotonic(pa, ya, identityError, Double.NaN);
    CbpeCalibration onB = isotonic(pb, yb, identityError, Double.NaN);
    double isotonicError = (ece(onA.applyAll(pb), yb) * pb.length + ece(onB.applyAll(pa), ya) * pa.length) / n;
    double heldOutIdentity = (ece(pb, yb) * pb.length + ece(pa, ya) * pa.length) / n;
    if (isotonicError < heldOutIdentity) {
      return isotonic(probabilities, positive, heldOutIdentity, isotonicError);
    }
    return new CbpeCalibration(Kind.IDENTITY, new double[0], new double[0], heldOutIdentity, isotonicError);
  }

  /** Returns which calibration was chosen. */
  public Kind kind() {
    return kind;
  }

  /** Returns the held-out ECE of the identity on the reference (NaN for {@link #identity()}). */
  public double identityError() {
    return identityError;
  }

  /** Returns the held-out ECE of isotonic calibration on the reference (NaN for {@link #identity()}). */
  public double isotonicError() {
    return isotonicError;
  }

  /** Returns the calibrated probability of a raw one in [0, 1]. */
  public double apply(double p) {
    if (kind == Kind.IDENTITY) {
      return p;
    }
    int i = Arrays.binarySearch(thresholds, p);
    if (i >= 0) {
      return values[i];
    }
    int upper = -i - 1;
    if (upper == 0) {
      return values[0];
    }
    if (upper == thresholds.length) {
      return values[values.length - 1];
    }
    // linear between the neighbouring block centres, as scikit-learn's IsotonicRegression predicts
    double x0 = thresholds[upper - 1];
    double x1 = thresholds[upper];
    return values[upper - 1] + (values[upper] - values[upper - 1]) * (p - x0) / (x1 - x0);
  }

  private double[] applyAll(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = apply(p[i]);
    }
    return out;
  }

  /** Pool-adjacent-violators on rows sorted by probability; blocks become (mean x, mean y). */
  private static CbpeCalibration isotonic(double[] p, boolean[] y, double identityError, double isotonicError) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] sumX = new double[n];
    double[] sumY = new double[n];
    int[] weight = new int[n];
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      sumX[blocks] = p[i];
      sumY[blocks] = y[i] ? 1 : 0;
      weight[blocks] = 1;
      blocks++;
      while (blocks > 1 && (sumY[blocks - 2] / weight[blocks - 2]) >= (sumY[blocks - 1] / weight[blocks - 1])) {
        sumX[blocks - 2] += sumX[blocks - 1];
        sumY[blocks - 2] += sumY[blocks - 1];
        weight[blocks - 2] += weight[blocks - 1];
        blocks--;
      }
    }
    double[] thresholds = new double[blocks];
    double[] values = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      thresholds[b] = sumX[b] / weight[b];
      values[b] = sumY[b] / weight[b];
    }
    return new CbpeCalibration(Kind.ISOTONIC, thresholds, values, identityError, isotonicError);
  }

  /** Expected calibration error in {@value #ECE_BINS} equal-width bins. */
  static double ece(double[] p, boolean[] y) {
    double[] sumP = new double[ECE_BINS];
    double[] sumY = new double[ECE_BINS];
    int[] count = new int[ECE_BINS];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(ECE_BINS - 1, (int) (p[i] * ECE_BINS));
      sumP[b] += p[i];
      sumY[b] += y[i] ? 1 : 0;
      count[b]++;
    }
    double error = 0;
    for (int b = 0; b < ECE_BINS; b++) {
      if (count[b] > 0) {
        error += Math.abs(sumP[b] - sumY[b]) / p.length;
      }
    }
    return error;
  }

  @Override
  public String toString() {
    return "CbpeCalibration[" + kind + ", held-out ECE identity " + identityError + ", isotonic "
        + isotonicError + "]";
  }
}
