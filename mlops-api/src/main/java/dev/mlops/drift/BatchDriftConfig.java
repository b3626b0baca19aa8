package dev.mlops.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Settings of a batch drift check. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param columns the columns to test; empty means every column of the reference (a column missing
 *     on one side is reported as skipped)
 * @param test the test for every column, overriding the default selection; empty for the
 *     Evidently-compatible default per column
 * @param columnTests tests for individual columns, winning over {@code test}
 * @param threshold the threshold for every column; empty for each test's default
 * @param columnThresholds thresholds for individual columns, winning over {@code threshold}
 * @param correction the multiple-testing correction across the p-value tests
 * @param driftShare the share of tested columns that must drift for dataset drift, in (0, 1]
 * @param bins the number of reference-quantile bins of the binned distances on numeric data
 * @param missingRateAlpha significance level of the missing-rate test (two-proportion z-test on
 *     the missing counts)
 */
public record BatchDriftConfig(
    List<String> columns,
    Optional<DriftTest> test,
    Map<String, DriftTest> columnTests,
    OptionalDouble threshold,
    Map<String, Double> columnThresholds,
    Correction correction,
    double driftShare,
    int bins,
    double missingRateAlpha) {

  /** Default dataset drift share: {@value} (Evidently's {@code drift_share}). */
  public static final double DEFAULT_DRIFT_SHARE = 0.5;
  /** Default number of quantile bins: {@value} (the rule; Evidently bins too). */
  public static final int DEFAULT_BINS = 10;
  /** Default significance level of the missing-rate test: {@value}. */
  public static final double DEFAULT_MISSING_RATE_ALPHA = 0.05;
  /** Default correction: {@link Correction#NONE}, as Evidently. */
  public static final Correction DEFAULT_CORRECTION = Correction.NONE;

  /** Copies collections and checks ranges. */
  public BatchDriftConfig {
    columns = List.copyOf(columns);
    Objects.requireNonNull(test, "test");
    columnTests = Map.copyOf(columnTests);
    Objects.requireNonNull(threshold, "threshold");
    columnThresholds = Map.copyOf(columnThresholds);
    Objects.requireNonNull(correction, "correction");
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new IllegalArgumentException("driftShare must be in (0, 1], was " + driftShare);
    }
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, was " + bins);
    }
    if (!(missingRateAlpha > 0 && missingRateAlpha < 1)) {
      throw new IllegalArgumentException(
          "missingRateAlpha must be in (0, 1), was " + missingRateAlpha);
    }
    threshold.ifPresent(t -> checkThreshold("threshold", t));
    columnThresholds.forEach((c, t) -> checkThreshold("threshold of column '" + c + "'", t));
  }

  private static void checkThreshold(String what, double t) {
    if (!(t > 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException(what + " must be a positive number, was " + t);
    }
  }

  /** Returns the defaults: all columns, Evidently's test selection and thresholds. */
  public static BatchDriftConfig defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.columns = new ArrayList<>(columns);
    b.test = test.orElse(null);
    b.columnTests = new LinkedHashMap<>(columnTests);
    b.threshold = threshold.isPresent() ? threshold.getAsDouble() : null;
    b.columnThresholds = new LinkedHashMap<>(columnThresholds);
    b.correction = correction;
    b.driftShare = driftShare;
    b.bins = bins;
    b.missingRateAlpha = missingRateAlpha;
    return b;
  }

  /** Builder of {@link BatchDriftConfig}; not thread-safe. */
  public static final class Builder {
    private List<String> columns = new ArrayList<>();
    private DriftTest test;
    private Map<String, DriftTest> columnTests = new LinkedHashMap<>();
    private Double threshold;
    private Map<String, Double> columnThresholds = new LinkedHashMap<>();
    private Correction correction = DEFAULT_CORRECTION;
    private double driftShare = DEFAULT_DRIFT_SHARE;
    private int bins = DEFAULT_BINS;
    private double missingRateAlpha = DEFAULT_MISSING_RATE_ALPHA;

    private Builder() {}

    /** Tests only these columns, in this order. */
    public Builder columns(List<String> names) {
      this.columns = new ArrayList<>(names);
      return this;
    }

    /** Uses {@code t} for every column without a column test. */
    public Builder test(DriftTest t) {
      this.test = Objects.requireNonNull(t, "test");
      return this;
    }

    /** Uses {@code t} for column {@code name}. */
    public Builder columnTest(String name, DriftTest t) {
      columnTests.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(t, "test"));
      return this;
    }

    /** Uses {@code t} as threshold of every column without a column threshold. */
    public Builder threshold(double t) {
      this.threshold = t;
      return this;
    }

    /** Uses {@code t} as threshold of column {@code name}. */
    public Builder columnThreshold(String name, double t) {
      columnThresholds.put(Objects.requireNonNull(name, "name"), t);
      return this;
    }

    /** Sets the multiple-testing correction. */
    public Builder correction(Correction c) {
      this.correction = Objects.requireNonNull(c, "correction");
      return this;
    }

    /** Sets the share of drifted columns that makes the dataset drift. */
    public Builder driftShare(double share) {
      this.driftShare = share;
      return this;
    }

    /** Sets the number of quantile bins of the binned distances. */
    public Builder bins(int count) {
      this.bins = count;
      return this;
    }

    /** Sets the significance level of the missing-rate test. */
    public Builder missingRateAlpha(double alpha) {
      this.missingRateAlpha = alpha;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public BatchDriftConfig build() {
      return new BatchDriftConfig(
          columns,
          Optional.ofNullable(test),
          columnTests,
          threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
          columnThresholds,
          correction,
          driftShare,
          bins,
          missingRateAlpha);
    }
  }
}
