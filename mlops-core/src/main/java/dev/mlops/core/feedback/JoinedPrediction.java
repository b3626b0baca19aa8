package dev.mlops.core.feedback;

import dev.mlops.feedback.LoggedPrediction;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the label join keeps of one prediction: enough to score it (version, predicted label,
 * score, probabilities), not its inputs, and its ground truth once it arrived.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param requestId the request's id
 * @param receivedAt when the request was received
 * @param modelVersion the version that served it
 * @param label the predicted class
 * @param score the score or regression output
 * @param probabilities class to probability, in the model's order
 * @param truth the ground truth, once it arrived
 * @param labeledAt when the (last) ground truth arrived
 */
public record JoinedPrediction(
    String requestId,
    Instant receivedAt,
    String modelVersion,
    Optional<String> label,
    OptionalDouble score,
    Map<String, Double> probabilities,
    Optional<String> truth,
    Optional<Instant> labeledAt) {

  /** Copies the probabilities and checks arguments. */
  public JoinedPrediction {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(labeledAt, "labeledAt");
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
  }

  /** The unlabeled entry of a logged prediction. */
  public static JoinedPrediction of(LoggedPrediction p) {
    return new JoinedPrediction(p.requestId(), p.receivedAt(), p.modelVersion(), p.label(),
        p.score(), p.probabilities(), Optional.empty(), Optional.empty());
  }

  /** Returns a copy with this ground truth. */
  public JoinedPrediction withTruth(String value, Instant at) {
    return new JoinedPrediction(requestId, receivedAt, modelVersion, label, score, probabilities,
        Optional.of(value), Optional.of(at));
  }

  /** Returns whether its ground truth arrived. */
  public boolean labeled() {
    return truth.isPresent();
  }
}
