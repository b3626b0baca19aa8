package dev.mlops.monitoring;

import dev.mlops.events.MonitorEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert rule fired on a closed window.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when the window closed
 * @param source the monitor's name
 * @param rule the rule's name
 * @param metric the metric it watches
 * @param subject the feature or class whose value breached; empty for metrics without tag
 * @param value the window's value
 * @param threshold the rule's threshold
 * @param window the index of the window
 * @param row the 0-based number of the last prediction of that window, where the alert fired
 * @param reason one sentence naming all of the above
 */
public record AlertRaised(
    Instant time,
    String source,
    String rule,
    String metric,
    Optional<String> subject,
    double value,
    double threshold,
    long window,
    long row,
    String reason) implements MonitorEvent {

  /** Checks arguments. */
  public AlertRaised {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
  }
}
