package dev.mlops.core.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a model on a request and returns a {@link PredictionOutcome} instead of throwing: the
 * one place monitors, prediction loggers and rollouts call a model through, so they time and
 * classify failures the same way.
 *
 * <p>Latency is the clock's monotonic time around the {@link Model#predict(PredictionRequest)}
 * call, as this caller saw it. A {@link ModelInferenceException} becomes a {@link
 * PredictionOutcome.Failure} as it is; any other {@link RuntimeException} is wrapped in one: an
 * {@link IllegalArgumentException} (what {@link dev.mlops.data.Record#get} throws for an absent
 * feature) as {@link FailureKind#INVALID_INPUT}, anything else as {@link FailureKind#ENGINE}.
 * {@link Error}s are not caught.
 *
 * <p>Stateless and thread-safe.
 */
public final class PredictionOutcomes {
  private PredictionOutcomes() {}

  /**
   * Predicts the request, timing the call.
   *
   * @param model the model to call
   * @param request the request
   * @param arm which model of the deployment this is
   * @param clock the clock whose monotonic time measures the call
   * @return the prediction or the failure; never throws for a failing model
   */
  public static PredictionOutcome invoke(
      Model model, PredictionRequest request, Arm arm, MlopsClock clock) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(clock, "clock");
    long start = clock.monotonicTime();
    try {
      Prediction p = model.predict(request);
      return new PredictionOutcome.Success(
          request, model.name(), model.version(), arm, since(clock, start), p);
    } catch (RuntimeException e) {
      Duration latency = since(clock, start);
      return new PredictionOutcome.Failure(
          request, model.name(), model.version(), arm, latency, asInferenceFailure(model, e));
    }
  }

  private static Duration since(MlopsClock clock, long start) {
    return Duration.ofNanos(Math.max(0, clock.monotonicTime() - start));
  }

  private static ModelInferenceException asInferenceFailure(Model model, RuntimeException e) {
    if (e instanceof ModelInferenceException m) {
      return m;
    }
    FailureKind kind =
        e instanceof IllegalArgumentException ? FailureKind.INVALID_INPUT : FailureKind.ENGINE;
    return new ModelInferenceException(kind, model.name(), null, null, null,
        "the model threw " + e, e);
  }
}
