package dev.mlops.core.deployment;

/**
 * Settings of shadow traffic, shared by {@link ShadowStrategy} and the shadow steps of a
 * {@link RolloutController}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param threads threads running shadow calls, {@code >= 1}
 * @param queueCapacity copies that may wait for a thread before new ones are dropped, {@code >= 1}
 * @param disagreementSample disagreements kept with their inputs, {@code >= 0}
 * @param tolerance largest absolute difference of two regression values that still agree,
 *     {@code >= 0}
 * @param labelCapacity predictions waiting for a delayed label, {@code >= 1}
 */
public record ShadowConfig(
    int threads, int queueCapacity, int disagreementSample, double tolerance, int labelCapacity) {

  /** Default {@link #threads()}: {@value}; shadow work must not compete with the primary for cores. */
  public static final int DEFAULT_THREADS = 1;
  /** Default {@link #queueCapacity()}: {@value} copies. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;
  /** Default {@link #disagreementSample()}: {@value} disagreements. */
  public static final int DEFAULT_DISAGREEMENT_SAMPLE = 20;
  /** Default {@link #tolerance()}: {@value}, float rounding between two exports of one model. */
  public static final double DEFAULT_TOLERANCE = 1e-6;
  /** Default {@link #labelCapacity()}: {@value} predictions. */
  public static final int DEFAULT_LABEL_CAPACITY = 100_000;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public ShadowConfig {
    positive("threads", threads);
    positive("queueCapacity", queueCapacity);
    positive("labelCapacity", labelCapacity);
    if (disagreementSample < 0) {
      throw new IllegalArgumentException("disagreementSample must be >= 0, was " + disagreementSample);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, was " + tolerance);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }

  /** The defaults. */
  public static ShadowConfig defaults() {
    return new ShadowConfig(DEFAULT_THREADS, DEFAULT_QUEUE_CAPACITY, DEFAULT_DISAGREEMENT_SAMPLE,
        DEFAULT_TOLERANCE, DEFAULT_LABEL_CAPACITY);
  }

  /** Returns a copy with another thread count. */
  public ShadowConfig withThreads(int value) {
    return new ShadowConfig(value, queueCapacity, disagreementSample, tolerance, labelCapacity);
  }

  /** Returns a copy with another queue capacity. */
  public ShadowConfig withQueueCapacity(int value) {
    return new ShadowConfig(threads, value, disagreementSample, tolerance, labelCapacity);
  }

  /** Returns a copy keeping another number of disagreements. */
  public ShadowConfig withDisagreementSample(int value) {
    return new ShadowConfig(threads, queueCapacity, value, tolerance, labelCapacity);
  }

  /** Returns a copy with another regression tolerance. */
  public ShadowConfig withTolerance(double value) {
    return new ShadowConfig(threads, queueCapacity, disagreementSample, value, labelCapacity);
  }

  /** Returns a copy holding another number of predictions for delayed labels. */
  public ShadowConfig withLabelCapacity(int value) {
    return new ShadowConfig(threads, queueCapacity, disagreementSample, tolerance, value);
  }
}
