package dev.mlops.core.events;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.MlopsEvent;
import dev.mlops.events.Subscription;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Delivers on the publishing thread. A lock serializes delivery, so consumers see one event at a
 * time in the order publishers took the lock; a slow consumer therefore slows every publisher.
 * Thread-safe.
 */
final class SynchronousDispatcher<E extends MlopsEvent> implements EventDispatcher<E> {
  private final Consumers<E> consumers;
  private final ReentrantLock lock = new ReentrantLock();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closed;

  SynchronousDispatcher(Consumers<E> consumers) {
    this.consumers = consumers;
  }

  @Override
  public void publish(E event) {
    if (event == null || closed) {
      dropped.increment();
      return;
    }
    lock.lock();
    try {
      consumers.deliver(event);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Subscription onEvent(Consumer<? super E> consumer) {
    return consumers.add(consumer);
  }

  @Override
  public Subscription onConsumerFailure(Consumer<? super ConsumerFailed> consumer) {
    return consumers.addFailureConsumer(consumer);
  }

  @Override
  public long consumerFailures() {
    return consumers.failures();
  }

  @Override
  public long droppedEvents() {
    return dropped.sum();
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "SynchronousDispatcher[" + consumers.source() + "]";
  }
}
