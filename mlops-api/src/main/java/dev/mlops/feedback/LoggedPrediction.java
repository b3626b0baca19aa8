package dev.mlops.feedback;

import dev.mlops.FailureKind;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of the prediction log: which request, when, which model version and arm served it,
 * its inputs (after the {@link PrivacyPolicy} was applied), and either the model's output or the
 * kind of failure, with the latency the caller measured.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param requestId the request's id, the key delayed labels are joined on
 * @param receivedAt when the request was received
 * @param modelName the model's name
 * @param modelVersion the version that served it
 * @param arm which model of the deployment served it
 * @param inputs feature name to value, in the request's order: {@link Double}, {@link String},
 *     {@link Boolean}, {@link Instant} or {@code null} when missing; a hashed or generalized field
 *     holds its replacement text
 * @param label the predicted class of a classifier
 * @param score the regression output or the classifier's score
 * @param probabilities class to probability, in the model's class order
 * @param failure why there is no output, for a failed call
 * @param latency the caller's measurement of the call
 */
public record LoggedPrediction(
    String requestId,
    Instant receivedAt,
    String modelName,
    String modelVersion,
    Arm arm,
    Map<String, Object> inputs,
    Optional<String> label,
    OptionalDouble score,
    Map<String, Double> probabilities,
    Optional<FailureKind> failure,
    Duration latency) {

  /** Copies the maps, keeping their order (inputs may hold {@code null}), and checks arguments. */
  public LoggedPrediction {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(latency, "latency");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
  }

  /**
   * The record of an outcome with these (already privacy-filtered) inputs.
   *
   * @param outcome what the serving path observed
   * @param inputs the inputs to log
   */
  public static LoggedPrediction of(PredictionOutcome outcome, Map<String, Object> inputs) {
    Optional<Prediction> p = outcome.prediction();
    return new LoggedPrediction(
        outcome.requestId(), outcome.receivedAt(), outcome.modelName(), outcome.modelVersion(),
        outcome.arm(), inputs,
        p.flatMap(Prediction::label),
        p.map(Prediction::score).orElse(OptionalDouble.empty()),
        p.map(Prediction::probabilities).orElse(Map.of()),
        outcome.failure().map(e -> e.kind()),
        outcome.latency());
  }

  /** Returns whether the model returned an output. */
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
