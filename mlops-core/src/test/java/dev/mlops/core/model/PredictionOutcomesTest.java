package dev.mlops.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PredictionOutcomesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final MlopsClock clock = MlopsClock.of(Clock.fixed(T0, ZoneOffset.UTC), nanos::get);

  @Test
  void successIsTimedByTheCallersClock() {
    Model model = new Scripted(Duration.ofMillis(3), null);
    PredictionRequest request = PredictionRequest.builder(Record.of(Map.of("x", 2)))
        .requestId("r1").clock(clock).build();

    PredictionOutcome outcome = PredictionOutcomes.invoke(model, request, Arm.SHADOW, clock);

    assertThat(outcome).isInstanceOf(PredictionOutcome.Success.class);
    assertThat(outcome.request()).isSameAs(request);
    assertThat(outcome.receivedAt()).isEqualTo(T0);
    assertThat(outcome.modelName()).isEqualTo("scripted");
    assertThat(outcome.modelVersion()).isEqualTo("v9");
    assertThat(outcome.arm()).isEqualTo(Arm.SHADOW);
    // The model reports its own latency as zero; the outcome has what the caller measured.
    assertThat(outcome.latency()).isEqualTo(Duration.ofMillis(3));
    assertThat(outcome.prediction().orElseThrow().score()).hasValue(2.0);
  }

  @Test
  void aModelInferenceExceptionIsKeptAsItIs() {
    ModelInferenceException timeout = new ModelInferenceException(FailureKind.TIMEOUT, "scripted",
        null, "a run within PT0.01S", "terminated at the timeout", "too slow", null);
    PredictionOutcome outcome = PredictionOutcomes.invoke(
        new Scripted(Duration.ofMillis(10), timeout),
        PredictionRequest.of(Record.of(Map.of("x", 1))), Arm.PRIMARY, clock);

    assertThat(outcome).isInstanceOfSatisfying(PredictionOutcome.Failure.class, f -> {
      assertThat(f.error()).isSameAs(timeout);
      assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(f.latency()).isEqualTo(Duration.ofMillis(10));
    });
  }

  @Test
  void otherExceptionsAreWrappedWithAKind() {
    IllegalArgumentException absent = new IllegalArgumentException("no feature 'x'");
    PredictionOutcome.Failure invalid = (PredictionOutcome.Failure) PredictionOutcomes.invoke(
        new Scripted(Duration.ZERO, absent),
        PredictionRequest.of(Record.of(Map.of())), Arm.PRIMARY, clock);
    assertThat(invalid.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(invalid.error()).hasCause(absent)
        .hasMessageContaining("model 'scripted'").hasMessageContaining("no feature 'x'");

    IllegalStateException bug = new IllegalStateException("boom");
    PredictionOutcome.Failure engine = (PredictionOutcome.Failure) PredictionOutcomes.invoke(
        new Scripted(Duration.ZERO, bug),
        PredictionRequest.of(Record.of(Map.of())), Arm.CANDIDATE, clock);
    assertThat(engine.kind()).isEqualTo(FailureKind.ENGINE);
    assertThat(engine.error()).hasCause(bug);
  }

  @Test
  void errorsAreNotSwallowed() {
    Model model = new Scripted(Duration.ZERO, null) {
      @Override
      public Prediction predict(Record record) {
        throw new OutOfMemoryError("test");
      }
    };
    assertThatThrownBy(() -> PredictionOutcomes.invoke(
        model, PredictionRequest.of(Record.of(Map.of())), Arm.PRIMARY, clock))
        .isInstanceOf(OutOfMemoryError.class);
  }

  /** A regressor returning x that takes a scripted time on the test clock, or throws. */
  private class Scripted implements Model {
    private final Duration takes;
    private final RuntimeException failure;

    /** A model taking {@code takes}, then throwing {@code failure} unless it is null. */
    Scripted(Duration takes, RuntimeException failure) {
      this.takes = takes;
      this.failure = failure;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public String version() {
      return "v9";
    }

    @Override
    public Prediction predict(Record record) {
      nanos.addAndGet(takes.toNanos());
      if (failure != null) {
        throw failure;
      }
      return Prediction.regression(record.getDouble("x"), version(), Duration.ZERO);
    }

    @Override
    public void close() {}
  }
}
