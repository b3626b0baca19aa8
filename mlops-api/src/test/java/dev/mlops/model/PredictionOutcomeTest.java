package dev.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionOutcomeTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final PredictionRequest REQUEST =
      new PredictionRequest("req-1", Optional.of("user-9"), Record.of(Map.of("x", 1)), T0);

  @Test
  void successCarriesThePredictionAndTheCallersLatency() {
    Prediction p = Prediction.regression(2.0, "v3", Duration.ofNanos(10));
    PredictionOutcome outcome = new PredictionOutcome.Success(
        REQUEST, "price", "v3", Arm.CANDIDATE, Duration.ofMillis(4), p);

    assertThat(outcome.requestId()).isEqualTo("req-1");
    assertThat(outcome.receivedAt()).isEqualTo(T0);
    assertThat(outcome.modelName()).isEqualTo("price");
    assertThat(outcome.modelVersion()).isEqualTo("v3");
    assertThat(outcome.arm()).isEqualTo(Arm.CANDIDATE);
    assertThat(outcome.latency()).isEqualTo(Duration.ofMillis(4));
    assertThat(outcome.prediction()).containsSame(p);
    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.succeeded()).isTrue();
  }

  @Test
  void failureCarriesTheExceptionAndItsKind() {
    ModelInferenceException e = new ModelInferenceException(FailureKind.REJECTED, "price", null,
        "at most 8 queued records", "8 queued", "the batching queue is full", null);
    PredictionOutcome.Failure outcome = new PredictionOutcome.Failure(
        REQUEST, "price", "v3", Arm.PRIMARY, Duration.ZERO, e);

    assertThat(outcome.kind()).isEqualTo(FailureKind.REJECTED);
    assertThat(outcome.failure()).containsSame(e);
    assertThat(outcome.prediction()).isEmpty();
    assertThat(outcome.succeeded()).isFalse();
  }

  @Test
  void negativeLatencyIsRejected() {
    Prediction p = Prediction.regression(2.0, "v3", Duration.ZERO);
    assertThatThrownBy(() -> new PredictionOutcome.Success(
        REQUEST, "price", "v3", Arm.SHADOW, Duration.ofNanos(-1), p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latency must not be negative, was PT-0.000000001S");
    assertThatThrownBy(() -> new PredictionOutcome.Success(
        REQUEST, "price", "v3", null, Duration.ZERO, p)).hasMessage("arm");
  }
}
