package dev.mlops.core.events;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.MlopsEvent;
import dev.mlops.events.Subscription;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Queues events in a bounded queue and delivers them on one daemon thread, so publishing costs a
 * non-blocking {@code offer} and a full queue drops (and counts) the event instead of stalling a
 * prediction. One thread means consumers see events one at a time, in queue order. Thread-safe.
 */
final class AsynchronousDispatcher<E extends MlopsEvent> implements EventDispatcher<E> {
  /** Queued after the last event by {@link #close()}; never delivered. */
  private static final Object END = new Object();

  private final Consumers<E> consumers;
  private final BlockingQueue<Object> queue;
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private volatile boolean closed;

  AsynchronousDispatcher(Consumers<E> consumers, int capacity) {
    this.consumers = consumers;
    // one extra slot so that close() can always enqueue END behind a full queue
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
    this.thread = new Thread(this::run, "mlops-events-" + consumers.source());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void publish(E event) {
    // remainingCapacity keeps the END slot free; a race may use it, which close() tolerates
    if (event == null || closed || queue.remainingCapacity() <= 1 || !queue.offer(event)) {
      dropped.increment();
    }
  }

  @SuppressWarnings("unchecked") // only E and END are ever queued
  private void run() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return; // daemon thread interrupted by the host: stop delivering
      }
      if (next == END) {
        return;
      }
      consumers.deliver((E) next);
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
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(END);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (Thread.currentThread() != thread) { // a consumer closing its own dispatcher must not wait
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      // events that raced past the closed check landed behind END: count them, never lose them
      for (Object left = queue.poll(); left != null; left = queue.poll()) {
        dropped.increment();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "AsynchronousDispatcher[" + consumers.source() + ", queued " + (queue.size()) + "]";
  }
}
