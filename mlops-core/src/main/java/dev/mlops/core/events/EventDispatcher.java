package dev.mlops.core.events;

import dev.mlops.events.EventPublisher;
import dev.mlops.events.MlopsEvent;

/**
 * The component's side of an {@link EventPublisher}: the component {@linkplain #publish
 * publishes} into it and hands it out, typed as {@code EventPublisher<E>}, to consumers. Made by
 * {@link EventDispatchers}.
 *
 * <p>{@link #publish} never throws, whatever the consumers do, and never blocks on them in the
 * asynchronous form. Implementations are thread-safe.
 *
 * @param <E> the events published
 */
public interface EventDispatcher<E extends MlopsEvent> extends EventPublisher<E>, AutoCloseable {

  /**
   * Delivers an event to every registered consumer, or queues it for delivery. Never throws:
   * consumer failures are counted in {@link #consumerFailures()}, events that cannot be queued
   * in {@link #droppedEvents()}.
   *
   * @param event the event; {@code null} is dropped and counted
   */
  void publish(E event);

  /**
   * Returns how many events were not delivered: the queue was full, the dispatcher was closed,
   * or the event was {@code null}. Always 0 for a synchronous dispatcher that is open.
   */
  long droppedEvents();

  /**
   * Stops accepting events. An asynchronous dispatcher first delivers what is already queued and
   * waits for its thread to finish. Idempotent; never throws.
   */
  @Override
  void close();
}
