package dev.mlops.drift;

/**
 * Detects data or concept drift. There are two kinds:
 * <ul>
 *   <li>{@link BatchDriftDetector}: compares a reference dataset with a current one and returns a
 *       {@link DriftReport};
 *   <li>{@link StreamingDriftDetector}: consumes one value at a time (an error indicator, a
 *       feature value) and reports a {@link DriftSignal} after each.
 * </ul>
 * Drift is an outcome, returned as a value, never thrown.
 *
 * <p>Thread-safety is per kind: batch detectors are immutable and thread-safe; streaming detectors
 * are stateful, and each states whether it may be updated from several threads (see
 * {@link StreamingDriftDetector}).
 */
public sealed interface DriftDetector permits BatchDriftDetector, StreamingDriftDetector {

  /** Returns the detector's name, e.g. "ks" or "adwin". */
  String name();
}
