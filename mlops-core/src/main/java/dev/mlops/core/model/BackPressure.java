package dev.mlops.core.model;

/**
 * What {@link BatchingModel} does with a call when its queue is full.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum BackPressure {
  /** Wait for room in the queue (the default). */
  BLOCK,
  /**
   * Fail at once with a {@link dev.mlops.ModelInferenceException} of kind {@link
   * dev.mlops.FailureKind#REJECTED} saying the queue is full.
   */
  REJECT,
  /** Predict on the caller's thread, unbatched, like {@code ThreadPoolExecutor.CallerRunsPolicy}. */
  CALLER_RUNS
}
