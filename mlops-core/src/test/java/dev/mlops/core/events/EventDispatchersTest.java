package dev.mlops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.MonitorEvent;
import dev.mlops.events.Subscription;
import dev.mlops.time.MlopsClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventDispatchersTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final MlopsClock CLOCK = MlopsClock.of(java.time.Clock.fixed(T0, ZoneOffset.UTC), () -> 0L);

  record Tick(Instant time, String source, int publisher, int seq) implements MonitorEvent {}

  record Other(Instant time, String source) implements MonitorEvent {}

  static Stream<BiFunction<String, MlopsClock, EventDispatcher<MonitorEvent>>> kinds() {
    return Stream.of(EventDispatchers::synchronous, EventDispatchers::asynchronous);
  }

  private static Tick tick(int publisher, int seq) {
    return new Tick(T0, "m", publisher, seq);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void deliversInOrderToEveryConsumer(BiFunction<String, MlopsClock, EventDispatcher<MonitorEvent>> kind) {
    List<MonitorEvent> a = Collections.synchronizedList(new ArrayList<>());
    List<Tick> b = Collections.synchronizedList(new ArrayList<>());
    EventDispatcher<MonitorEvent> d = kind.apply("m", CLOCK);
    d.onEvent(a::add);
    d.onEvent(Tick.class, b::add);
    for (int i = 0; i < 100; i++) {
      d.publish(tick(0, i));
    }
    d.publish(new Other(T0, "m"));
    d.close();
    assertThat(a).hasSize(101).last().isInstanceOf(Other.class);
    assertThat(b).extracting(Tick::seq).containsExactlyElementsOf(range(100));
    assertThat(d.droppedEvents()).isZero();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void throwingConsumerIsIsolatedCountedAndReported(
      BiFunction<String, MlopsClock, EventDispatcher<MonitorEvent>> kind) {
    List<MonitorEvent> good = Collections.synchronizedList(new ArrayList<>());
    List<ConsumerFailed> failed = Collections.synchronizedList(new ArrayList<>());
    EventDispatcher<MonitorEvent> d = kind.apply("checkout.monitor", CLOCK);
    d.onEvent(e -> {
      throw new IllegalStateException("listener bug");
    });
    d.onEvent(good::add);
    d.onConsumerFailure(failed::add);
    d.onConsumerFailure(f -> {
      throw new IllegalStateException("failure listener bug too");
    });

    d.publish(tick(0, 0)); // must not throw
    d.publish(tick(0, 1));
    d.close();

    assertThat(good).hasSize(2);
    // two consumer failures plus the failing failure-consumer twice
    assertThat(d.consumerFailures()).isEqualTo(4);
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0).source()).isEqualTo("checkout.monitor");
    assertThat(failed.get(0).time()).isEqualTo(T0);
    assertThat(failed.get(0).event()).isEqualTo(tick(0, 0));
    assertThat(failed.get(0).failure()).hasMessage("listener bug");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void closedSubscriptionReceivesNothingMore(
      BiFunction<String, MlopsClock, EventDispatcher<MonitorEvent>> kind) {
    List<MonitorEvent> closed = Collections.synchronizedList(new ArrayList<>());
    List<MonitorEvent> open = Collections.synchronizedList(new ArrayList<>());
    EventDispatcher<MonitorEvent> d = kind.apply("m", CLOCK);
    Subscription s = d.onEvent(closed::add);
    d.onEvent(open::add);
    d.onEvent(open::add); // the same consumer twice is two registrations
    d.publish(tick(0, 0));
    s.close();
    s.close();
    d.publish(tick(0, 1));
    d.close();
    d.publish(tick(0, 2)); // after close: dropped, not thrown
    // tick 0 may or may not reach the closed one, depending on the delivery thread; tick 1 never
    assertThat(closed).doesNotContain(tick(0, 1));
    assertThat(open).containsExactly(tick(0, 0), tick(0, 0), tick(0, 1), tick(0, 1));
    assertThat(d.droppedEvents()).isEqualTo(1);
  }

  private static final int THREADS = 4;
  private static final int PER_THREAD = 2_000;

  static Stream<EventDispatcher<MonitorEvent>> roomyDispatchers() {
    // the asynchronous queue holds every event, so nothing may be dropped
    return Stream.of(EventDispatchers.synchronous("m", CLOCK),
        EventDispatchers.asynchronous("m", CLOCK, THREADS * PER_THREAD));
  }

  @ParameterizedTest
  @MethodSource("roomyDispatchers")
  void severalPublishingThreadsKeepEachPublishersOrderAndExactTotal(
      EventDispatcher<MonitorEvent> d) throws Exception {
    int threads = THREADS;
    int perThread = PER_THREAD;
    List<Tick> got = Collections.synchronizedList(new ArrayList<>());
    d.onEvent(Tick.class, got::add);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int publisher = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          d.publish(tick(publisher, i));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    d.close();

    assertThat(got).hasSize(threads * perThread);
    assertThat(d.droppedEvents()).isZero();
    for (int t = 0; t < threads; t++) {
      int publisher = t;
      assertThat(got.stream().filter(e -> e.publisher() == publisher).map(Tick::seq))
          .containsExactlyElementsOf(range(perThread));
    }
  }

  @Test
  void fullQueueDropsAndCountsWithoutBlockingThePublisher() throws InterruptedException {
    CountDownLatch inConsumer = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Tick> got = Collections.synchronizedList(new ArrayList<>());
    EventDispatcher<MonitorEvent> d = EventDispatchers.asynchronous("m", CLOCK, 3);
    d.onEvent(Tick.class, e -> {
      inConsumer.countDown();
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      got.add(e);
    });
    d.publish(tick(0, 0));
    assertThat(inConsumer.await(30, TimeUnit.SECONDS)).isTrue(); // event 0 taken off the queue
    for (int i = 1; i <= 10; i++) {
      d.publish(tick(0, i)); // 1..3 fill the queue, 4..10 are dropped
    }
    assertThat(d.droppedEvents()).isEqualTo(7);
    release.countDown();
    d.close();
    assertThat(got).extracting(Tick::seq).containsExactly(0, 1, 2, 3);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> EventDispatchers.asynchronous("m", CLOCK, 0))
        .hasMessage("capacity must be >= 1, was 0");
    EventDispatcher<MonitorEvent> d = EventDispatchers.synchronous("m", CLOCK);
    assertThatThrownBy(() -> d.onEvent(null)).hasMessage("consumer");
    d.publish(null);
    assertThat(d.droppedEvents()).isEqualTo(1);
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
