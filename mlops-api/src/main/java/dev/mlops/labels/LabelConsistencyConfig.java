package dev.mlops.labels;

import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link LabelConsistencyChecker}: the bootstrap behind the human-level-performance
 * confidence interval, how many disagreements to list and, for ordinal text labels, their order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bootstrapResamples resamples of items for the HLP confidence interval
 * @param confidenceLevel two-sided level of the percentile bootstrap interval, in (0, 1)
 * @param seed seed of the bootstrap's random numbers
 * @param topDisagreements how many items and label pairs the report lists
 * @param categoryOrder the order of ordinal labels that are not numbers; empty when labels are
 *     numbers (sorted numerically) or the level is not ordinal
 */
public record LabelConsistencyConfig(
    int bootstrapResamples,
    double confidenceLevel,
    long seed,
    int topDisagreements,
    List<String> categoryOrder) {

  /** Default bootstrap resamples: {@value} (the usual percentile-bootstrap choice, Efron &amp; Tibshirani). */
  public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 1000;
  /** Default confidence level: {@value}. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
  /** Default seed: {@value}. */
  public static final long DEFAULT_SEED = 42L;
  /** Default number of listed disagreements: {@value}. */
  public static final int DEFAULT_TOP_DISAGREEMENTS = 20;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if a count is not positive, the level is outside (0, 1) or
   *     the category order repeats a label
   */
  public LabelConsistencyConfig {
    if (bootstrapResamples < 1) {
      throw new IllegalArgumentException(
          "bootstrapResamples must be >= 1, was " + bootstrapResamples);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidenceLevel must be in (0, 1), was " + confidenceLevel);
    }
    if (topDisagreements < 1) {
      throw new IllegalArgumentException(
          "topDisagreements must be >= 1, was " + topDisagreements);
    }
    categoryOrder = List.copyOf(Objects.requireNonNull(categoryOrder, "categoryOrder"));
    if (categoryOrder.stream().distinct().count() != categoryOrder.size()) {
      throw new IllegalArgumentException("categoryOrder repeats a label: " + categoryOrder);
    }
  }

  /** The defaults. */
  public static LabelConsistencyConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder()
        .bootstrapResamples(bootstrapResamples)
        .confidenceLevel(confidenceLevel)
        .seed(seed)
        .topDisagreements(topDisagreements)
        .categoryOrder(categoryOrder);
  }

  /** Builder of {@link LabelConsistencyConfig}; not thread-safe. */
  public static final class Builder {
    private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
    private double confidenceLevel = DEFAULT_CONFIDENCE_LEVEL;
    private long seed = DEFAULT_SEED;
    private int topDisagreements = DEFAULT_TOP_DISAGREEMENTS;
    private List<String> categoryOrder = List.of();

    private Builder() {}

    /** Sets the bootstrap resamples. */
    public Builder bootstrapResamples(int value) {
      this.bootstrapResamples = value;
      return this;
    }

    /** Sets the confidence level. */
    public Builder confidenceLevel(double value) {
      this.confidenceLevel = value;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets how many disagreements are listed. */
    public Builder topDisagreements(int value) {
      this.topDisagreements = value;
      return this;
    }

    /** Sets the order of ordinal text labels, lowest first. */
    public Builder categoryOrder(List<String> value) {
      this.categoryOrder = value;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public LabelConsistencyConfig build() {
      return new LabelConsistencyConfig(
          bootstrapResamples, confidenceLevel, seed, topDisagreements, categoryOrder);
    }
  }
}
