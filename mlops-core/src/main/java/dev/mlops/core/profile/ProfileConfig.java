package dev.mlops.core.profile;

/**
 * Settings of the sketches in a profile. Profiles merge only when their settings agree (the seed
 * aside). Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param quantileAccuracy k of the KLL quantile sketch: the top level's capacity; the sketch keeps
 *     about 3k values and its rank error shrinks like 1/k
 * @param frequentItems the number of counters of the frequent-items summary of categorical columns
 * @param distinctPrecision p of the HyperLogLog distinct counter: 2<sup>p</sup> one-byte registers
 * @param smallDomain how many distinct values a numeric column may hold and still keep exact counts
 * @param seed the seed of the quantile sketch's random bits
 */
public record ProfileConfig(
    int quantileAccuracy, int frequentItems, int distinctPrecision, int smallDomain, long seed) {

  /**
   * Default KLL k: {@value}, the default of Apache DataSketches' KLL sketch; about 5 KB per
   * numeric column and a rank error near 1% at 99.5% confidence for a million values.
   */
  public static final int DEFAULT_QUANTILE_ACCURACY = 200;
  /**
   * Default number of frequent-item counters: {@value}; most categorical features have fewer
   * values, so their counts stay exact.
   */
  public static final int DEFAULT_FREQUENT_ITEMS = 128;
  /** Default HyperLogLog precision: {@value}, 4 KB per column, 1.6% relative standard error. */
  public static final int DEFAULT_DISTINCT_PRECISION = 12;
  /**
   * Default small-domain limit: {@value}, above the batch detector's 10 quantile bins so that a
   * numeric column with as many values as bins is still binned by value, as the batch detector
   * does.
   */
  public static final int DEFAULT_SMALL_DOMAIN = 16;
  /** Default seed: {@value}. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Checks ranges.
   *
   * @throws IllegalArgumentException naming the setting and the rejected value
   */
  public ProfileConfig {
    if (quantileAccuracy < QuantileSketch.MIN_LEVEL_CAPACITY || quantileAccuracy > 65_536) {
      throw new IllegalArgumentException(
          "quantileAccuracy must be in [8, 65536], was " + quantileAccuracy);
    }
    if (frequentItems < 1 || frequentItems > 1_000_000) {
      throw new IllegalArgumentException(
          "frequentItems must be in [1, 1000000], was " + frequentItems);
    }
    if (distinctPrecision < 4 || distinctPrecision > 18) {
      throw new IllegalArgumentException(
          "distinctPrecision must be in [4, 18], was " + distinctPrecision);
    }
    if (smallDomain < 0 || smallDomain > 1024) {
      throw new IllegalArgumentException("smallDomain must be in [0, 1024], was " + smallDomain);
    }
  }

  /** Returns the defaults. */
  public static ProfileConfig defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether profiles built with these settings and {@code other} can merge. */
  boolean mergesWith(ProfileConfig other) {
    return quantileAccuracy == other.quantileAccuracy && frequentItems == other.frequentItems
        && distinctPrecision == other.distinctPrecision && smallDomain == other.smallDomain;
  }

  /** Builder of {@link ProfileConfig}; not thread-safe. */
  public static final class Builder {
    private int quantileAccuracy = DEFAULT_QUANTILE_ACCURACY;
    private int frequentItems = DEFAULT_FREQUENT_ITEMS;
    private int distinctPrecision = DEFAULT_DISTINCT_PRECISION;
    private int smallDomain = DEFAULT_SMALL_DOMAIN;
    private long seed = DEFAULT_SEED;

    private Builder() {}

    /** Sets the KLL k. */
    public Builder quantileAccuracy(int k) {
      this.quantileAccuracy = k;
      return this;
    }

    /** Sets the number of frequent-item counters. */
    public Builder frequentItems(int counters) {
      this.frequentItems = counters;
      return this;
    }

    /** Sets the HyperLogLog precision. */
    public Builder distinctPrecision(int p) {
      this.distinctPrecision = p;
      return this;
    }

    /** Sets the small-domain limit of numeric columns. */
    public Builder smallDomain(int limit) {
      this.smallDomain = limit;
      return this;
    }

    /** Sets the seed of the quantile sketch. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public ProfileConfig build() {
      return new ProfileConfig(quantileAccuracy, frequentItems, distinctPrecision, smallDomain, seed);
    }
  }
}
