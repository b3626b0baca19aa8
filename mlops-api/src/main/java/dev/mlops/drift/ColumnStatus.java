package dev.mlops.drift;

/**
 * Whether a column could be tested.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ColumnStatus {
  /** The test ran and its result is in the report. */
  OK,
  /** The column could not be tested (empty side, one side only, ...); the reason says why. */
  SKIPPED
}
