package dev.mlops.testkit.events;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.MlopsEvent;
import dev.mlops.events.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory {@link EventPublisher} for a host's fake of a stateful component: the test (or the
 * fake) calls {@link #publish} and every registered consumer receives the event on the calling
 * thread, in registration order. It keeps the interface's guarantees: a throwing consumer is
 * counted and reported as {@link ConsumerFailed} and the others still receive the event, and
 * {@link #publish} never throws.
 *
 * <p>Thread-safe; events published from several threads reach each consumer one at a time.
 *
 * @param <E> the events it publishes
 */
public final class TestEventPublisher<E extends MlopsEvent> implements EventPublisher<E> {
  private final List<Consumer<? super E>> consumers = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super ConsumerFailed>> failureConsumers = new CopyOnWriteArrayList<>();
  private final AtomicLong failures = new AtomicLong();

  /** Creates a publisher with no consumers. */
  public TestEventPublisher() {}

  @Override
  public Subscription onEvent(Consumer<? super E> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Consumer<? super E> registered = consumer::accept;
    consumers.add(registered);
    return () -> consumers.remove(registered);
  }

  @Override
  public Subscription onConsumerFailure(Consumer<? super ConsumerFailed> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Consumer<? super ConsumerFailed> registered = consumer::accept;
    failureConsumers.add(registered);
    return () -> failureConsumers.remove(registered);
  }

  @Override
  public long consumerFailures() {
    return failures.get();
  }

  /** Delivers {@code event} to every consumer; never throws. */
  public synchronized void publish(E event) {
    Objects.requireNonNull(event, "event");
    for (Consumer<? super E> c : consumers) {
      try {
        c.accept(event);
      } catch (RuntimeException | AssertionError e) {
        failures.incrementAndGet();
        ConsumerFailed failed = new ConsumerFailed(failedAt(event), event.source(), event, e);
        for (Consumer<? super ConsumerFailed> f : failureConsumers) {
          try {
            f.accept(failed);
          } catch (RuntimeException | AssertionError again) {
            failures.incrementAndGet();
          }
        }
      }
    }
  }

  /** A test publisher has no clock of its own; a failure is stamped with its event's time. */
  private static Instant failedAt(MlopsEvent event) {
    return event.time();
  }
}
