package dev.mlops.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request to one model came to, as a serving path hands it to its observers (monitors,
 * prediction logs, rollout gates): the request, which model and {@link Arm} served it, how long
 * the call took as the caller measured it, and either the {@link Prediction} ({@link Success}) or
 * the failure ({@link Failure}).
 *
 * <p>{@link #latency()} is the caller's measurement around its own call (queueing in a batching
 * front included), never a batch's time divided by its size as {@link Prediction#latency()} may
 * be. Java 17 code reads an outcome through {@link #prediction()} and {@link #failure()}; newer
 * code can switch over the two records.
 *
 * <p>Immutable and therefore thread-safe.
 */
public sealed interface PredictionOutcome
    permits PredictionOutcome.Success, PredictionOutcome.Failure {

  /** Returns the request that was served. */
  PredictionRequest request();

  /** Returns the name of the model that served it. */
  String modelName();

  /** Returns the version of the model that served it. */
  String modelVersion();

  /** Returns which model of the deployment served it. */
  Arm arm();

  /** Returns how long the call took, measured by the caller with monotonic time. */
  Duration latency();

  /** Returns the prediction, or empty for a failure. */
  Optional<Prediction> prediction();

  /** Returns the failure, or empty for a success. */
  Optional<ModelInferenceException> failure();

  /** Returns the request's id. */
  default String requestId() {
    return request().requestId();
  }

  /** Returns when the request was received. */
  default Instant receivedAt() {
    return request().receivedAt();
  }

  /** Returns whether the model returned a prediction. */
  default boolean succeeded() {
    return prediction().isPresent();
  }

  /**
   * A prediction.
   *
   * @param request the request
   * @param modelName the model's name
   * @param modelVersion the model's version
   * @param arm which model of the deployment served it
   * @param latency the caller's measurement of the call
   * @param result what the model returned
   */
  record Success(
      PredictionRequest request, String modelName, String modelVersion, Arm arm,
      Duration latency, Prediction result) implements PredictionOutcome {

    /**
     * Checks arguments.
     *
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public Success {
      OutcomeChecks.common(request, modelName, modelVersion, arm, latency);
      Objects.requireNonNull(result, "result");
    }

    @Override
    public Optional<Prediction> prediction() {
      return Optional.of(result);
    }

    @Override
    public Optional<ModelInferenceException> failure() {
      return Optional.empty();
    }
  }

  /**
   * A failure: the model threw.
   *
   * @param request the request
   * @param modelName the model's name
   * @param modelVersion the model's version
   * @param arm which model of the deployment was asked
   * @param latency the caller's measurement of the call, up to the failure
   * @param error what the model threw
   */
  record Failure(
      PredictionRequest request, String modelName, String modelVersion, Arm arm,
      Duration latency, ModelInferenceException error) implements PredictionOutcome {

    /**
     * Checks arguments.
     *
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public Failure {
      OutcomeChecks.common(request, modelName, modelVersion, arm, latency);
      Objects.requireNonNull(error, "error");
    }

    /** Returns why there is no prediction. */
    public FailureKind kind() {
      return error.kind();
    }

    @Override
    public Optional<Prediction> prediction() {
      return Optional.empty();
    }

    @Override
    public Optional<ModelInferenceException> failure() {
      return Optional.of(error);
    }
  }
}
