package dev.mlops.core.events;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.MlopsEvent;
import dev.mlops.events.Subscription;
import dev.mlops.time.MlopsClock;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The registered consumers of one dispatcher and the isolation of their failures. Registration
 * is copy-on-write, so delivery iterates a stable list without locking. Thread-safe.
 */
final class Consumers<E extends MlopsEvent> {
  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final String source;
  private final MlopsClock clock;
  private final List<Consumer<? super E>> consumers = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super ConsumerFailed>> failureConsumers =
      new CopyOnWriteArrayList<>();
  private final LongAdder failures = new LongAdder();

  Consumers(String source, MlopsClock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  String source() {
    return source;
  }

  Subscription add(Consumer<? super E> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    // a fresh wrapper per registration, so one consumer registered twice is removed once per close
    Consumer<? super E> entry = consumer::accept;
    consumers.add(entry);
    return () -> consumers.remove(entry);
  }

  Subscription addFailureConsumer(Consumer<? super ConsumerFailed> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    Consumer<? super ConsumerFailed> entry = consumer::accept;
    failureConsumers.add(entry);
    return () -> failureConsumers.remove(entry);
  }

  long failures() {
    return failures.sum();
  }

  /** Delivers one event to every consumer; callers serialize calls to keep the order. */
  void deliver(E event) {
    for (Consumer<? super E> c : consumers) {
      try {
        c.accept(event);
      } catch (Exception e) {
        failed(event, e);
      }
    }
  }

  private void failed(E event, Exception e) {
    failures.increment();
    ConsumerFailed failure = new ConsumerFailed(clock.instant(), source, event, e);
    // the first failure is worth a warning; a consumer failing on every event must not flood logs
    LOG.log(failures.sum() == 1 ? Level.WARNING : Level.DEBUG, failure.reason(), e);
    for (Consumer<? super ConsumerFailed> c : failureConsumers) {
      try {
        c.accept(failure);
      } catch (Exception again) {
        failures.increment();
        LOG.log(Level.DEBUG, "consumer-failure consumer of '" + source + "' threw", again);
      }
    }
  }
}
