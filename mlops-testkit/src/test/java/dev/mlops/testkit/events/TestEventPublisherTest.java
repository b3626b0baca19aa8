package dev.mlops.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.events.ConsumerFailed;
import dev.mlops.events.MonitorEvent;
import dev.mlops.events.Subscription;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestEventPublisherTest {
  record Tick(Instant time, String source, int n) implements MonitorEvent {}

  @Test
  void deliversInOrderIsolatesThrowersAndUnsubscribes() {
    TestEventPublisher<MonitorEvent> publisher = new TestEventPublisher<>();
    RecordingConsumer<MonitorEvent> all = new RecordingConsumer<>();
    RecordingConsumer<ConsumerFailed> failures = new RecordingConsumer<>();
    publisher.onConsumerFailure(failures);
    Subscription thrower = publisher.onEvent(e -> {
      throw new IllegalStateException("consumer bug");
    });
    publisher.onEvent(all);
    RecordingConsumer<Tick> ticks = new RecordingConsumer<>();
    publisher.onEvent(Tick.class, ticks);

    publisher.publish(new Tick(Instant.EPOCH, "m", 1));
    thrower.close();
    publisher.publish(new Tick(Instant.EPOCH, "m", 2));

    assertThat(all.events()).extracting(e -> ((Tick) e).n()).containsExactly(1, 2);
    assertThat(ticks.ofType(Tick.class)).hasSize(2);
    assertThat(publisher.consumerFailures()).isEqualTo(1);
    assertThat(failures.events()).singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("consumer of Tick from 'm' threw")
            .contains("consumer bug"));
  }

  @Test
  void aRecorderWaitsForAsynchronousEvents() throws Exception {
    RecordingConsumer<MonitorEvent> events = new RecordingConsumer<>();
    Thread t = new Thread(() -> events.accept(new Tick(Instant.EPOCH, "m", 1)));
    t.start();
    assertThat(events.awaitCount(1, 10_000)).hasSize(1);
    t.join();
    events.clear();
    assertThat(events.size()).isZero();
  }
}
