package dev.mlops.core.feedback;

import dev.mlops.feedback.PrivacyPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link PredictionLogger}'s local JSON Lines log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param directory the folder of the log files; created if missing
 * @param maxFileBytes a file is closed and a new one started when it would grow past this size
 * @param rotateEvery a file is closed and a new one started when it is this old (wall time)
 * @param retainFiles the most files kept; the oldest are deleted after a rotation
 * @param retainFor files whose first record is older than this are deleted after a rotation
 * @param queueCapacity the most records waiting for the writer thread; more are dropped, counted
 * @param sampleRate the share of requests logged, in (0, 1]; chosen by request id and seed, so
 *     every instance (and every arm) logs the same requests
 * @param seed the seed of the sampling
 * @param privacy what is done to sensitive fields before a record is queued
 * @param dropReportInterval the least time between two {@code PredictionsDropped} events
 */
public record PredictionLogConfig(
    Path directory,
    long maxFileBytes,
    Duration rotateEvery,
    int retainFiles,
    Duration retainFor,
    int queueCapacity,
    double sampleRate,
    long seed,
    PrivacyPolicy privacy,
    Duration dropReportInterval) {

  /** Default largest file: {@value} bytes (64 MiB, a few seconds of writing at full speed). */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;

  /** Default file age at rotation: one hour, so a file holds one hour of traffic at most. */
  public static final Duration DEFAULT_ROTATE_EVERY = Duration.ofHours(1);

  /** Default number of files kept: {@value} (two days of hourly files). */
  public static final int DEFAULT_RETAIN_FILES = 48;

  /** Default retention: 30 days, long enough for most delayed labels to arrive. */
  public static final Duration DEFAULT_RETAIN_FOR = Duration.ofDays(30);

  /** Default queue capacity: {@value} records (the experiment store's queue size). */
  public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

  /** Default sample rate: {@value} (every request is logged). */
  public static final double DEFAULT_SAMPLE_RATE = 1.0;

  /** Default sampling seed: {@value}. */
  public static final long DEFAULT_SEED = 0;

  /** Default least interval between drop events: ten seconds. */
  public static final Duration DEFAULT_DROP_REPORT_INTERVAL = Duration.ofSeconds(10);

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the setting and the rejected value
   */
  public PredictionLogConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(rotateEvery, "rotateEvery");
    Objects.requireNonNull(retainFor, "retainFor");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(dropReportInterval, "dropReportInterval");
    if (maxFileBytes < 1024) {
      throw new IllegalArgumentException("maxFileBytes must be >= 1024, was " + maxFileBytes);
    }
    if (rotateEvery.isNegative() || rotateEvery.isZero()) {
      throw new IllegalArgumentException("rotateEvery must be positive, was " + rotateEvery);
    }
    if (retainFiles < 1) {
      throw new IllegalArgumentException("retainFiles must be >= 1, was " + retainFiles);
    }
    if (retainFor.isNegative() || retainFor.isZero()) {
      throw new IllegalArgumentException("retainFor must be positive, was " + retainFor);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
    }
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("sampleRate must be in (0, 1], was " + sampleRate);
    }
    if (dropReportInterval.isNegative()) {
      throw new IllegalArgumentException(
          "dropReportInterval must not be negative, was " + dropReportInterval);
    }
  }

  /** Returns the defaults for a log folder. */
  public static PredictionLogConfig defaults(Path directory) {
    return builder(directory).build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Builds {@link PredictionLogConfig}s; not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private Duration rotateEvery = DEFAULT_ROTATE_EVERY;
    private int retainFiles = DEFAULT_RETAIN_FILES;
    private Duration retainFor = DEFAULT_RETAIN_FOR;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private double sampleRate = DEFAULT_SAMPLE_RATE;
    private long seed = DEFAULT_SEED;
    private PrivacyPolicy privacy = PrivacyPolicy.none();
    private Duration dropReportInterval = DEFAULT_DROP_REPORT_INTERVAL;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Sets the largest file (default {@value PredictionLogConfig#DEFAULT_MAX_FILE_BYTES}). */
    public Builder maxFileBytes(long value) {
      this.maxFileBytes = value;
      return this;
    }

    /** Sets the file age at rotation (default one hour). */
    public Builder rotateEvery(Duration value) {
      this.rotateEvery = value;
      return this;
    }

    /** Sets how many files are kept (default {@value PredictionLogConfig#DEFAULT_RETAIN_FILES}). */
    public Builder retainFiles(int value) {
      this.retainFiles = value;
      return this;
    }

    /** Sets how long files are kept (default 30 days). */
    public Builder retainFor(Duration value) {
      this.retainFor = value;
      return this;
    }

    /** Sets the queue capacity (default {@value PredictionLogConfig#DEFAULT_QUEUE_CAPACITY}). */
    public Builder queueCapacity(int value) {
      this.queueCapacity = value;
      return this;
    }

    /** Sets the share of requests logged (default {@value PredictionLogConfig#DEFAULT_SAMPLE_RATE}). */
    public Builder sampleRate(double value) {
      this.sampleRate = value;
      return this;
    }

    /** Sets the sampling seed (default {@value PredictionLogConfig#DEFAULT_SEED}). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets the privacy rules (default: none). */
    public Builder privacy(PrivacyPolicy value) {
      this.privacy = value;
      return this;
    }

    /** Sets the least interval between drop events (default ten seconds). */
    public Builder dropReportInterval(Duration value) {
      this.dropReportInterval = value;
      return this;
    }

    /** Builds the config, checking it. */
    public PredictionLogConfig build() {
      return new PredictionLogConfig(directory, maxFileBytes, rotateEvery, retainFiles, retainFor,
          queueCapacity, sampleRate, seed, privacy, dropReportInterval);
    }
  }
}
