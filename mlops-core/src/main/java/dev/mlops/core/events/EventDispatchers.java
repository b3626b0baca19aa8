package dev.mlops.core.events;

import dev.mlops.events.MlopsEvent;
import dev.mlops.time.MlopsClock;

/**
 * Makes {@link EventDispatcher}s. Both forms isolate and count failing consumers and never throw
 * from {@link EventDispatcher#publish}:
 * <ul>
 *   <li>{@link #synchronous} delivers on the publishing thread, under a lock: simplest, events
 *       are seen before {@code publish} returns; for components off the prediction path;
 *   <li>{@link #asynchronous} queues into a bounded queue drained by one daemon thread: publishing
 *       never waits on a consumer; a full queue drops the event and counts it; for monitors,
 *       loggers and anything on the prediction path. Close it to stop its thread.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class EventDispatchers {
  /** Default queue capacity of {@link #asynchronous(String, MlopsClock)}: {@value} events. */
  public static final int DEFAULT_CAPACITY = 1024;

  private EventDispatchers() {}

  /**
   * Returns a dispatcher that delivers on the publishing thread.
   *
   * @param source the component's name, stamped on {@code ConsumerFailed} events
   * @param clock stamps {@code ConsumerFailed} events
   * @param <E> the events published
   */
  public static <E extends MlopsEvent> EventDispatcher<E> synchronous(String source, MlopsClock clock) {
    return new SynchronousDispatcher<>(new Consumers<>(source, clock));
  }

  /**
   * Returns a dispatcher that delivers on its own daemon thread from a queue of
   * {@value #DEFAULT_CAPACITY} events.
   *
   * @param source the component's name, also naming the thread {@code mlops-events-<source>}
   * @param clock stamps {@code ConsumerFailed} events
   * @param <E> the events published
   */
  public static <E extends MlopsEvent> EventDispatcher<E> asynchronous(String source, MlopsClock clock) {
    return asynchronous(source, clock, DEFAULT_CAPACITY);
  }

  /**
   * Returns a dispatcher that delivers on its own daemon thread from a bounded queue.
   *
   * @param source the component's name, also naming the thread {@code mlops-events-<source>}
   * @param clock stamps {@code ConsumerFailed} events
   * @param capacity how many events may wait for delivery, {@code >= 1}
   * @param <E> the events published
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public static <E extends MlopsEvent> EventDispatcher<E> asynchronous(
      String source, MlopsClock clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    return new AsynchronousDispatcher<>(new Consumers<>(source, clock), capacity);
  }
}
