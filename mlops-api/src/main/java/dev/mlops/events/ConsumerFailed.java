package dev.mlops.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A consumer registered on an {@link EventPublisher} threw while handling an event. The publisher
 * caught it, counted it and went on delivering to the other consumers.
 *
 * <p>Immutable and thread-safe (the failure is kept as thrown; do not mutate it).
 *
 * @param time when the failure was caught
 * @param source the publisher's source name
 * @param event the event the consumer was handling
 * @param failure what the consumer threw
 */
public record ConsumerFailed(Instant time, String source, MlopsEvent event, Throwable failure)
    implements PublisherEvent {

  /** Checks arguments. */
  public ConsumerFailed {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(failure, "failure");
  }

  /** Returns a one-line description naming the event type and the failure. */
  public String reason() {
    return "consumer of " + event.getClass().getSimpleName() + " from '" + source + "' threw "
        + failure;
  }
}
