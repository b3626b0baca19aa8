package dev.mlops.drift;

import dev.mlops.events.DriftEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A streaming detector flagged a drift.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it was flagged, read from the publisher's clock
 * @param source the publishing component, e.g. {@code "checkout-model.errors.adwin"}
 * @param signal the detector's signal for the value that triggered it (index, change start)
 */
public record DriftFlagged(Instant time, String source, DriftSignal signal) implements DriftEvent {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the signal's state is not {@link DriftState#DRIFT}
   */
  public DriftFlagged {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(signal, "signal");
    if (signal.state() != DriftState.DRIFT) {
      throw new IllegalArgumentException("signal state must be DRIFT, was " + signal.state());
    }
  }
}
