package dev.mlops.drift;

import dev.mlops.events.DriftEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A streaming detector was reset by its owner (e.g. after retraining) and forgot what it had
 * seen.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it happened, read from the publisher's clock
 * @param source the publishing component
 * @param valuesSeen how many values the detector had seen before the reset
 */
public record DetectorReset(Instant time, String source, long valuesSeen) implements DriftEvent {

  /** Checks arguments. */
  public DetectorReset {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    if (valuesSeen < 0) {
      throw new IllegalArgumentException("valuesSeen must be >= 0, was " + valuesSeen);
    }
  }
}
