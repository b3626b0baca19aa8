package dev.mlops.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link BatchingModel}, named after Triton Inference Server's dynamic batcher.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBatchSize the most records merged into one model call, {@code >= 1}
 * @param maxQueueDelay how long the first record of a batch may wait for others to join it
 *     (Triton's {@code max_queue_delay_microseconds}); zero takes only what is already queued
 * @param queueCapacity the most records waiting for a batch, {@code >= 1}
 * @param backPressure what a call does when the queue is full
 */
public record BatchingConfig(
    int maxBatchSize, Duration maxQueueDelay, int queueCapacity, BackPressure backPressure) {

  /** Default batch size: {@value}, a common Triton {@code max_batch_size} for small models. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 32;
  /**
   * Default queue delay: 100 µs. Triton defaults to 0; a little waiting lets concurrent callers
   * meet when each call costs a few microseconds.
   */
  public static final Duration DEFAULT_MAX_QUEUE_DELAY = Duration.ofNanos(100_000);
  /** Default queue capacity: {@value} records. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;
  /** Default back-pressure: {@link BackPressure#BLOCK}. */
  public static final BackPressure DEFAULT_BACK_PRESSURE = BackPressure.BLOCK;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the rejected setting
   */
  public BatchingConfig {
    Objects.requireNonNull(maxQueueDelay, "maxQueueDelay");
    Objects.requireNonNull(backPressure, "backPressure");
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
    }
    if (maxQueueDelay.isNegative()) {
      throw new IllegalArgumentException("maxQueueDelay must not be negative, was " + maxQueueDelay);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
    }
  }

  /** The defaults. */
  public static BatchingConfig defaults() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchingConfig}s. Not thread-safe. */
  public static final class Builder {
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private Duration maxQueueDelay = DEFAULT_MAX_QUEUE_DELAY;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private BackPressure backPressure = DEFAULT_BACK_PRESSURE;

    private Builder() {}

    /** Sets the largest batch. */
    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    /** Sets the queue delay. */
    public Builder maxQueueDelay(Duration value) {
      this.maxQueueDelay = value;
      return this;
    }

    /** Sets the queue delay in microseconds, as Triton configures it. */
    public Builder maxQueueDelayMicros(long micros) {
      return maxQueueDelay(Duration.ofNanos(Math.multiplyExact(micros, 1000L)));
    }

    /** Sets the queue capacity. */
    public Builder queueCapacity(int value) {
      this.queueCapacity = value;
      return this;
    }

    /** Sets the back-pressure policy. */
    public Builder backPressure(BackPressure value) {
      this.backPressure = value;
      return this;
    }

    /** Builds the config, checking it. */
    public BatchingConfig build() {
      return new BatchingConfig(maxBatchSize, maxQueueDelay, queueCapacity, backPressure);
    }
  }
}
