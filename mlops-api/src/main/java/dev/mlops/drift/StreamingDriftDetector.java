package dev.mlops.drift;

/**
 * Watches a stream of values one at a time (e.g. 0/1 prediction errors for concept drift, or a
 * feature for data drift) and reports what it concluded after each.
 *
 * <p>Two ways to feed it: {@link #add(double)} is the hot path and allocates nothing; it returns
 * the bare state. {@link #update(double)} also returns the full {@link DriftSignal} (index,
 * warning and change start, statistic, threshold), which is one small allocation.
 *
 * <p><b>Thread-safety:</b> detectors are stateful and <em>not</em> thread-safe; every
 * implementation in this project says so. Feed a detector from one thread, or guard every call
 * with the same lock ({@code synchronized (detector) { detector.update(v); }}); a wrapper that
 * synchronizes each method serves too. Snapshots are immutable values and may be shared freely.
 *
 * <p>{@link #snapshot()} captures the state as a versioned JSON document; the detector's restore
 * entry point in {@code mlops-core} rebuilds a detector that continues exactly as this one would.
 */
public non-sealed interface StreamingDriftDetector extends DriftDetector {

  /**
   * Adds one observation without allocating.
   *
   * @param value the next value in the stream
   * @return the state after this value
   */
  DriftState add(double value);

  /**
   * Adds one observation and returns what the detector concluded.
   *
   * @param value the next value in the stream
   * @return the signal after this value
   */
  default DriftSignal update(double value) {
    add(value);
    return lastSignal();
  }

  /**
   * Returns the signal after the latest observation.
   *
   * @throws IllegalStateException if no value was added since creation or the last reset
   */
  DriftSignal lastSignal();

  /** Returns the current state without adding a value ({@link DriftState#NONE} before any). */
  DriftState state();

  /** Returns the number of values seen since creation or the last reset. */
  long count();

  /** Forgets everything, as after a drift has been handled (e.g. after retraining). */
  void reset();

  /** Returns the full state as a versioned document; the detector is unchanged. */
  DetectorSnapshot snapshot();
}
