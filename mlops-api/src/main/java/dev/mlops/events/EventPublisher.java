package dev.mlops.events;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a stateful component (a detector, monitor, rollout or prediction logger) announces what
 * happened, in the manner of resilience4j's {@code getEventPublisher().onEvent(...)}:
 *
 * <pre>{@code
 * try (Subscription s = monitor.events().onEvent(e -> log.info(e.toString()))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Guarantees every implementation gives:
 * <ul>
 *   <li>each consumer receives a publisher's events in the order they were published, one at a
 *       time (a consumer need not be thread-safe unless it is registered on several publishers);
 *   <li>a consumer that throws is isolated: the failure is counted in {@link #consumerFailures()}
 *       and reported as a {@link ConsumerFailed} to {@link #onConsumerFailure}, and the other
 *       consumers still receive the event;
 *   <li>publishing never throws into the component, so an event consumer can never break a
 *       prediction.
 * </ul>
 * Whether delivery happens on the publishing thread or on a separate one is the component's
 * choice and is documented by it; components on the prediction path deliver asynchronously.
 *
 * <p>Implementations are thread-safe: consumers may be registered and removed at any time from
 * any thread.
 *
 * @param <E> the events this publisher emits
 */
public interface EventPublisher<E extends MlopsEvent> {

  /**
   * Registers a consumer of every event.
   *
   * @param consumer called once per event
   * @return the registration; close it to unregister
   */
  Subscription onEvent(Consumer<? super E> consumer);

  /**
   * Registers a consumer of one event type only, e.g. {@code onEvent(RollbackTriggered.class,
   * ...)}.
   *
   * @param type the event class (or interface) to receive
   * @param consumer called once per event of that type
   * @param <T> the event type
   * @return the registration; close it to unregister
   */
  default <T extends E> Subscription onEvent(Class<T> type, Consumer<? super T> consumer) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(consumer, "consumer");
    return onEvent(
        e -> {
          if (type.isInstance(e)) {
            consumer.accept(type.cast(e));
          }
        });
  }

  /**
   * Registers a consumer of the failures of this publisher's consumers. A failure consumer that
   * throws is counted too, but its failure is not reported again (no loops).
   *
   * @param consumer called once per consumer failure
   * @return the registration; close it to unregister
   */
  Subscription onConsumerFailure(Consumer<? super ConsumerFailed> consumer);

  /** Returns how many times a consumer threw since this publisher was created. */
  long consumerFailures();
}
