package dev.mlops.drift;

/**
 * The state of a {@link StreamingDriftDetector} after an observation.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum DriftState {
  /** No change detected. */
  NONE,
  /** A change may be starting: collect data, prepare to retrain. */
  WARNING,
  /** A change was detected. */
  DRIFT
}
