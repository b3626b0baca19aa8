package dev.mlops.core.experiments;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings of the embedded {@link FileTracker}. Immutable and thread-safe.
 *
 * @param root the store directory; created if missing
 * @param queueCapacity the most events waiting for the writer thread
 * @param batchSize the most events the writer takes from the queue for one write per run
 * @param fullQueuePolicy what metric logging does when the queue is full
 * @param clock the source of run start/end times and metric timestamps
 * @param gitDirectory where to look for a git work tree to record the code version; {@code null}
 *     records none
 */
public record FileTrackerConfig(
    Path root,
    int queueCapacity,
    int batchSize,
    FullQueuePolicy fullQueuePolicy,
    Clock clock,
    Path gitDirectory) {

  /**
   * Default queue capacity: {@value} events (about 5 MB of pending metric points; MLflow's async
   * logging queues without bound, a bounded queue keeps memory fixed when the disk is slow).
   */
  public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

  /** Default batch size: {@value} events per write (chosen by the logging benchmark). */
  public static final int DEFAULT_BATCH_SIZE = 4096;

  /** Default policy when the queue is full: {@link FullQueuePolicy#BLOCK} (nothing is lost). */
  public static final FullQueuePolicy DEFAULT_FULL_QUEUE_POLICY = FullQueuePolicy.BLOCK;

  /** Checks arguments. */
  public FileTrackerConfig {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(fullQueuePolicy, "fullQueuePolicy");
    Objects.requireNonNull(clock, "clock");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
  }

  /** Returns the defaults for a store directory, recording git info of the working directory. */
  public static FileTrackerConfig defaults(Path root) {
    return builder(root).build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Builds a {@link FileTrackerConfig}; not thread-safe. */
  public static final class Builder {
    private final Path root;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private FullQueuePolicy fullQueuePolicy = DEFAULT_FULL_QUEUE_POLICY;
    private Clock clock = Clock.systemUTC();
    private Path gitDirectory = Path.of("").toAbsolutePath();

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root, "root");
    }

    /** Sets the queue capacity (default {@value FileTrackerConfig#DEFAULT_QUEUE_CAPACITY}). */
    public Builder queueCapacity(int value) {
      this.queueCapacity = value;
      return this;
    }

    /** Sets the batch size (default {@value FileTrackerConfig#DEFAULT_BATCH_SIZE}). */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** Sets the full-queue policy (default {@link FullQueuePolicy#BLOCK}). */
    public Builder fullQueuePolicy(FullQueuePolicy value) {
      this.fullQueuePolicy = value;
      return this;
    }

    /** Sets the clock (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** Sets where to look for git (default the working directory); {@code null} disables it. */
    public Builder gitDirectory(Path value) {
      this.gitDirectory = value;
      return this;
    }

    /** Returns the config. */
    public FileTrackerConfig build() {
      return new FileTrackerConfig(root, queueCapacity, batchSize, fullQueuePolicy, clock, gitDirectory);
    }
  }
}
