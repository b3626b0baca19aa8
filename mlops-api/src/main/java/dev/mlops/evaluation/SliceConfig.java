package dev.mlops.evaluation;

/**
 * Settings of slice evaluation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minSliceSize slices with fewer examples are reported as {@link SliceStatus#TOO_SMALL}
 * @param bootstrapResamples resamples of the percentile bootstrap
 * @param confidenceLevel level of the bootstrap intervals
 * @param seed seed of the bootstrap
 */
public record SliceConfig(
    int minSliceSize, int bootstrapResamples, double confidenceLevel, long seed) {

  /**
   * Default minimum slice size: {@value}, the usual rule of thumb below which a proportion's
   * normal approximation (and a percentile bootstrap) is unreliable.
   */
  public static final int DEFAULT_MIN_SLICE_SIZE = 30;

  /** Default bootstrap resamples: {@value}, scipy.stats.bootstrap uses 9999; 1000 keeps it fast. */
  public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 1000;

  /** Default confidence level: {@value}, scipy.stats.bootstrap's default. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /** Default seed: {@value}. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public SliceConfig {
    if (minSliceSize < 1) {
      throw new IllegalArgumentException("minSliceSize must be >= 1, was " + minSliceSize);
    }
    if (bootstrapResamples < 10) {
      throw new IllegalArgumentException(
          "bootstrapResamples must be >= 10, was " + bootstrapResamples);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidenceLevel must be in (0, 1), was " + confidenceLevel);
    }
  }

  /** Returns the defaults. */
  public static SliceConfig defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .minSliceSize(minSliceSize)
        .bootstrapResamples(bootstrapResamples)
        .confidenceLevel(confidenceLevel)
        .seed(seed);
  }

  /** Builds a {@link SliceConfig}; not thread-safe. */
  public static final class Builder {
    private int minSliceSize = DEFAULT_MIN_SLICE_SIZE;
    private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
    private double confidenceLevel = DEFAULT_CONFIDENCE_LEVEL;
    private long seed = DEFAULT_SEED;

    private Builder() {}

    /** Sets the minimum slice size. */
    public Builder minSliceSize(int minSliceSize) {
      this.minSliceSize = minSliceSize;
      return this;
    }

    /** Sets the number of bootstrap resamples. */
    public Builder bootstrapResamples(int bootstrapResamples) {
      this.bootstrapResamples = bootstrapResamples;
      return this;
    }

    /** Sets the confidence level. */
    public Builder confidenceLevel(double confidenceLevel) {
      this.confidenceLevel = confidenceLevel;
      return this;
    }

    /** Sets the bootstrap seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public SliceConfig build() {
      return new SliceConfig(minSliceSize, bootstrapResamples, confidenceLevel, seed);
    }
  }
}
