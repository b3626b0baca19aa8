package dev.mlops.testkit.events;

import dev.mlops.events.MlopsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A spy that keeps every event it is given, to register on a component's
 * {@link dev.mlops.events.EventPublisher} and assert on what the component announced:
 *
 * <pre>{@code
 * RecordingConsumer<MlopsEvent> events = new RecordingConsumer<>();
 * detector.events().onEvent(events);
 * ...
 * assertThat(events.ofType(DriftDetected.class)).hasSize(1);
 * }</pre>
 *
 * <p>Thread-safe: an asynchronous publisher may deliver on its own thread while the test reads.
 *
 * @param <E> the events recorded
 */
public final class RecordingConsumer<E extends MlopsEvent> implements Consumer<E> {
  private final List<E> events = new ArrayList<>();

  /** Creates an empty recorder. */
  public RecordingConsumer() {}

  @Override
  public synchronized void accept(E event) {
    events.add(Objects.requireNonNull(event, "event"));
    notifyAll();
  }

  /** Returns the events received so far, in order. */
  public synchronized List<E> events() {
    return List.copyOf(events);
  }

  /** Returns the events of one type received so far, in order. */
  public synchronized <T extends E> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Returns the number of events received so far. */
  public synchronized int size() {
    return events.size();
  }

  /** Forgets the events received so far. */
  public synchronized void clear() {
    events.clear();
  }

  /**
   * Waits until at least {@code count} events arrived, for asynchronous publishers; returns
   * early with what arrived when {@code timeoutMillis} of real time pass.
   *
   * @return the events received so far
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public synchronized List<E> awaitCount(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (events.size() < count) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return List.copyOf(events);
  }
}
