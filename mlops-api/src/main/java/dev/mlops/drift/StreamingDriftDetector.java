package dev.mlops.drift;

/**
 * Watches a stream of values one at a time (e.g. 0/1 prediction errors for concept drift, or a
 * feature for data drift) and reports the state after each.
 *
 * <p>Implementations are stateful; each documents whether it may be updated from several threads.
 */
public non-sealed interface StreamingDriftDetector extends DriftDetector {

  /**
   * Adds one observation.
   *
   * @param value the next value in the stream
   * @return the state after this value
   */
  DriftState update(double value);

  /** Returns the current state without adding a value. */
  DriftState state();

  /** Returns the number of values seen since creation or the last reset. */
  long count();

  /** Forgets everything, as after a drift has been handled (e.g. after retraining). */
  void reset();
}
