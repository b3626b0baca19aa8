package dev.mlops.drift;

import dev.mlops.events.DriftEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A streaming detector entered its warning zone: a change may be starting.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it happened, read from the publisher's clock
 * @param source the publishing component
 * @param signal the detector's signal for the value that entered the zone
 */
public record WarningEntered(Instant time, String source, DriftSignal signal)
    implements DriftEvent {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the signal's state is not {@link DriftState#WARNING}
   */
  public WarningEntered {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(signal, "signal");
    if (signal.state() != DriftState.WARNING) {
      throw new IllegalArgumentException("signal state must be WARNING, was " + signal.state());
    }
  }
}
