package dev.mlops.core.drift.streaming;

/**
 * Which changes of the monitored mean a detector flags. For an error rate only an
 * {@link #INCREASE} is bad news; for a feature both directions usually matter.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Direction {
  /** Flag only a rise of the mean. */
  INCREASE,
  /** Flag only a fall of the mean. */
  DECREASE,
  /** Flag a rise or a fall. */
  BOTH;

  boolean watchesIncrease() {
    return this != DECREASE;
  }

  boolean watchesDecrease() {
    return this != INCREASE;
  }
}
