package dev.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.Record;
import dev.mlops.time.MlopsClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PredictionRequestTest {
  private static final Record FEATURES = Record.of(Map.of("age", 42, "plan", "pro"));
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final MlopsClock CLOCK = MlopsClock.of(Clock.fixed(T0, ZoneOffset.UTC), () -> 0);

  @Test
  void generatesAUuidWhenNoIdIsGiven() {
    PredictionRequest a = PredictionRequest.of(FEATURES);
    PredictionRequest b = PredictionRequest.of(FEATURES);

    assertThat(UUID.fromString(a.requestId()).toString()).isEqualTo(a.requestId());
    assertThat(a.requestId()).isNotEqualTo(b.requestId());
    assertThat(a.routingKey()).isEmpty();
    assertThat(a.features()).isSameAs(FEATURES);
  }

  @Test
  void builderTakesIdKeyAndTimeFromTheCaller() {
    PredictionRequest r = PredictionRequest.builder(FEATURES)
        .requestId("req-7").routingKey("user-3").receivedAt(T0).build();

    assertThat(r).isEqualTo(new PredictionRequest("req-7", Optional.of("user-3"), FEATURES, T0));
  }

  @Test
  void generationAndTimeAreInjectable() {
    AtomicInteger next = new AtomicInteger();
    PredictionRequest.Builder builder = PredictionRequest.builder(FEATURES)
        .clock(CLOCK).requestIdGenerator(() -> "r" + next.incrementAndGet());

    assertThat(builder.build().requestId()).isEqualTo("r1");
    PredictionRequest second = builder.build();
    assertThat(second.requestId()).isEqualTo("r2");
    assertThat(second.receivedAt()).isEqualTo(T0);
  }

  @Test
  void ofWithIdUsesIt() {
    assertThat(PredictionRequest.of("abc", FEATURES).requestId()).isEqualTo("abc");
  }

  @Test
  void nullOrBlankRequestIdIsRejectedByName() {
    assertThatThrownBy(() -> PredictionRequest.of(null, FEATURES))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("requestId must not be null");
    assertThatThrownBy(() -> PredictionRequest.builder(FEATURES).requestId(" \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestId must not be blank, was ' \t'");
    assertThatThrownBy(() -> new PredictionRequest("", Optional.empty(), FEATURES, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestId must not be blank, was ''");
  }

  @Test
  void aGeneratedBlankIdIsRejectedToo() {
    assertThatThrownBy(() -> PredictionRequest.builder(FEATURES).requestIdGenerator(() -> "").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requestId");
  }

  @Test
  void nullOrBlankRoutingKeyIsRejectedByName() {
    assertThatThrownBy(() -> PredictionRequest.builder(FEATURES).routingKey(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("routingKey must not be null");
    assertThatThrownBy(() -> PredictionRequest.builder(FEATURES).routingKey(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("routingKey must not be blank, was ''");
    assertThatThrownBy(() -> new PredictionRequest("id", Optional.of("  "), FEATURES, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("routingKey must not be blank, was '  '");
    assertThatThrownBy(() -> new PredictionRequest("id", null, FEATURES, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("routingKey");
  }

  @Test
  void featuresAndTimeAreRequired() {
    assertThatThrownBy(() -> PredictionRequest.of(null)).hasMessage("features");
    assertThatThrownBy(() -> new PredictionRequest("id", Optional.empty(), FEATURES, null))
        .hasMessage("receivedAt");
  }
}
