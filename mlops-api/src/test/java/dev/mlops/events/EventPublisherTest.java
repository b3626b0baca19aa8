package dev.mlops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

  record Ping(Instant time, String source) implements MonitorEvent {}

  record Pong(Instant time, String source) implements MonitorEvent {}

  /** The smallest publisher: one consumer, delivered by hand. */
  static final class OneConsumer implements EventPublisher<MonitorEvent> {
    Consumer<? super MonitorEvent> consumer;

    @Override
    public Subscription onEvent(Consumer<? super MonitorEvent> c) {
      consumer = c;
      return () -> consumer = null;
    }

    @Override
    public Subscription onConsumerFailure(Consumer<? super ConsumerFailed> c) {
      return () -> {};
    }

    @Override
    public long consumerFailures() {
      return 0;
    }
  }

  @Test
  void typedRegistrationReceivesOnlyThatType() {
    OneConsumer publisher = new OneConsumer();
    List<Pong> got = new ArrayList<>();
    Subscription s = publisher.onEvent(Pong.class, got::add);
    Pong pong = new Pong(Instant.EPOCH, "m");
    publisher.consumer.accept(new Ping(Instant.EPOCH, "m"));
    publisher.consumer.accept(pong);
    assertThat(got).containsExactly(pong);
    s.close();
    assertThat(publisher.consumer).isNull();
  }

  @Test
  void consumerFailedNamesEventAndFailure() {
    ConsumerFailed f = new ConsumerFailed(Instant.EPOCH, "checkout.monitor",
        new Ping(Instant.EPOCH, "checkout.monitor"), new IllegalStateException("boom"));
    assertThat(f.reason()).isEqualTo(
        "consumer of Ping from 'checkout.monitor' threw java.lang.IllegalStateException: boom");
    assertThat((MlopsEvent) f).isInstanceOf(PublisherEvent.class);
  }
}
