package dev.mlops.monitoring;

import dev.mlops.events.MonitorEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitor closed a window.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it closed
 * @param source the monitor's name
 * @param window what it saw
 */
public record WindowClosed(Instant time, String source, WindowSummary window)
    implements MonitorEvent {

  /** Checks arguments. */
  public WindowClosed {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(window, "window");
  }
}
