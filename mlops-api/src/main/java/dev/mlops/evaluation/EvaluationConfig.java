package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * Settings of the metric computations.
 *
 * <p>Immutable and thread-safe.
 *
 * @param zeroDivision what precision, recall and F1 report for a zero denominator
 * @param calibrationBins number of uniform bins of the calibration table
 * @param skewedClassShare a class whose share of the actual labels is below this triggers the
 *     "accuracy is misleading" warning
 * @param absErrorQuantiles levels of the absolute-error quantiles of a regression report
 */
public record EvaluationConfig(
    ZeroDivision zeroDivision, int calibrationBins, double skewedClassShare,
    List<Double> absErrorQuantiles) {

  /** Default zero-division convention: {@code WARN}, scikit-learn's default ({@code "warn"}). */
  public static final ZeroDivision DEFAULT_ZERO_DIVISION = ZeroDivision.WARN;

  /** Default calibration bins: {@value}, scikit-learn's {@code calibration_curve} default. */
  public static final int DEFAULT_CALIBRATION_BINS = 5;

  /**
   * Default skew warning share: {@value}. A class below 10% of the labels is the usual meaning of
   * "rare" in the lifecycle notes' skewed-data discussion; at that point always predicting the
   * majority reaches 90% accuracy.
   */
  public static final double DEFAULT_SKEWED_CLASS_SHARE = 0.1;

  /** Default absolute-error quantile levels: the median and the 90th, 95th, 99th percentiles. */
  public static final List<Double> DEFAULT_ABS_ERROR_QUANTILES = List.of(0.5, 0.9, 0.95, 0.99);

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public EvaluationConfig {
    Objects.requireNonNull(zeroDivision, "zeroDivision");
    if (calibrationBins < 1) {
      throw new IllegalArgumentException("calibrationBins must be >= 1, was " + calibrationBins);
    }
    if (!(skewedClassShare >= 0 && skewedClassShare < 1)) {
      throw new IllegalArgumentException(
          "skewedClassShare must be in [0, 1), was " + skewedClassShare);
    }
    absErrorQuantiles = List.copyOf(absErrorQuantiles);
    for (double q : absErrorQuantiles) {
      if (!(q >= 0 && q <= 1)) {
        throw new IllegalArgumentException("absErrorQuantiles must be in [0, 1], was " + q);
      }
    }
  }

  /** Returns the defaults. */
  public static EvaluationConfig defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .zeroDivision(zeroDivision)
        .calibrationBins(calibrationBins)
        .skewedClassShare(skewedClassShare)
        .absErrorQuantiles(absErrorQuantiles);
  }

  /** Builds an {@link EvaluationConfig}; not thread-safe. */
  public static final class Builder {
    private ZeroDivision zeroDivision = DEFAULT_ZERO_DIVISION;
    private int calibrationBins = DEFAULT_CALIBRATION_BINS;
    private double skewedClassShare = DEFAULT_SKEWED_CLASS_SHARE;
    private List<Double> absErrorQuantiles = DEFAULT_ABS_ERROR_QUANTILES;

    private Builder() {}

    /** Sets the zero-division convention. */
    public Builder zeroDivision(ZeroDivision zeroDivision) {
      this.zeroDivision = zeroDivision;
      return this;
    }

    /** Sets the number of calibration bins. */
    public Builder calibrationBins(int calibrationBins) {
      this.calibrationBins = calibrationBins;
      return this;
    }

    /** Sets the class share below which accuracy is flagged as misleading. */
    public Builder skewedClassShare(double skewedClassShare) {
      this.skewedClassShare = skewedClassShare;
      return this;
    }

    /** Sets the absolute-error quantile levels. */
    public Builder absErrorQuantiles(List<Double> absErrorQuantiles) {
      this.absErrorQuantiles = absErrorQuantiles;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public EvaluationConfig build() {
      return new EvaluationConfig(zeroDivision, calibrationBins, skewedClassShare, absErrorQuantiles);
    }
  }
}
