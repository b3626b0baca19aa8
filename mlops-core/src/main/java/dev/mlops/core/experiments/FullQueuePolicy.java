package dev.mlops.core.experiments;

/**
 * What asynchronous metric logging does when the bounded queue is full. Immutable and thread-safe
 * (an enum).
 */
public enum FullQueuePolicy {
  /** The logging thread waits until the writer has made room (no data is lost; the default). */
  BLOCK,
  /**
   * The metric point is dropped and counted ({@link FileTracker#droppedMetricCount()}); the
   * logging thread never waits. Params, tags, inputs and run ends always block: they are never
   * dropped.
   */
  DROP_AND_COUNT
}
