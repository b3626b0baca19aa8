package dev.mlops.drift;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link StreamingDriftDetector} concluded after one observation.
 *
 * <p>{@link #delay()} (flagged-at minus began-at) tells a sudden change, flagged a few
 * observations after it began, from a gradual one, flagged long after.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the state after the observation
 * @param index 0-based index of the observation just added, counted since creation or the last
 *     reset
 * @param warningStart index where the current warning zone began; empty when the detector is not
 *     in (or coming out of) a warning zone
 * @param changeStart the detector's estimate of the index where the change began; empty while
 *     {@link DriftState#NONE} or when the detector cannot estimate it
 * @param statistic the detector's test statistic after this observation (NaN during warm-up)
 * @param threshold the value the statistic is compared with (NaN during warm-up)
 */
public record DriftSignal(
    DriftState state,
    long index,
    OptionalLong warningStart,
    OptionalLong changeStart,
    double statistic,
    double threshold) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if {@code index} is negative, a start index lies outside
   *     {@code [0, index]}, or a start is given while the state is {@link DriftState#NONE}
   */
  public DriftSignal {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(warningStart, "warningStart");
    Objects.requireNonNull(changeStart, "changeStart");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    checkStart("warningStart", warningStart, index, state);
    checkStart("changeStart", changeStart, index, state);
  }

  private static void checkStart(String field, OptionalLong start, long index, DriftState state) {
    if (start.isEmpty()) {
      return;
    }
    if (state == DriftState.NONE) {
      throw new IllegalArgumentException(field + " must be empty when the state is NONE, was "
          + start.getAsLong());
    }
    long s = start.getAsLong();
    if (s < 0 || s > index) {
      throw new IllegalArgumentException(
          field + " must be in [0, index=" + index + "], was " + s);
    }
  }

  /** Returns a signal with no change: state NONE, no start indices. */
  public static DriftSignal none(long index, double statistic, double threshold) {
    return new DriftSignal(
        DriftState.NONE, index, OptionalLong.empty(), OptionalLong.empty(), statistic, threshold);
  }

  /**
   * Returns how many observations after the estimated start of the change it was flagged
   * ({@code index - changeStart}); empty when no start is estimated.
   */
  public OptionalLong delay() {
    return changeStart.isPresent()
        ? OptionalLong.of(index - changeStart.getAsLong())
        : OptionalLong.empty();
  }
}
