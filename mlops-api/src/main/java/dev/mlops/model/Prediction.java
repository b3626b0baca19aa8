package dev.mlops.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a model returned for one record.
 *
 * <p>A classifier's {@link #confidence()} is its top-class probability; {@link #score()} is the
 * probability of the predicted label (or the positive class), which differs when a decision
 * threshold makes the label something other than the most probable class.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param label the predicted class of a classifier; empty for a regressor
 * @param score the regression output, or the classifier's score for the positive / predicted
 *     class; empty when the model gives none
 * @param probabilities class to probability for a classifier, in the model's class order; empty
 *     otherwise
 * @param modelVersion the version of the model that produced it
 * @param latency how long the model took for this prediction, as the model measured it (for a
 *     batch, the batch time divided by its size); what a caller measured around its own call is
 *     {@link PredictionOutcome#latency()}
 */
public record Prediction(
    Optional<String> label,
    OptionalDouble score,
    Map<String, Double> probabilities,
    String modelVersion,
    Duration latency) {

  /** Copies the probabilities, keeping their order, and checks arguments. */
  public Prediction {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(latency, "latency");
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
  }

  /**
   * Returns the classifier's confidence: the highest of its class probabilities (null and
   * NaN probabilities are skipped). Empty when there are no probabilities, as for a regressor.
   */
  public OptionalDouble confidence() {
    OptionalDouble top = OptionalDouble.empty();
    for (Double p : probabilities.values()) {
      if (p != null && !p.isNaN() && (top.isEmpty() || p > top.getAsDouble())) {
        top = OptionalDouble.of(p);
      }
    }
    return top;
  }

  /** A classifier's prediction: label, probabilities, and the label's probability as score. */
  public static Prediction classification(
      String label, Map<String, Double> probabilities, String modelVersion, Duration latency) {
    Double p = probabilities.get(label);
    return new Prediction(
        Optional.of(label), p == null ? OptionalDouble.empty() : OptionalDouble.of(p),
        probabilities, modelVersion, latency);
  }

  /** A regressor's prediction. */
  public static Prediction regression(double value, String modelVersion, Duration latency) {
    return new Prediction(
        Optional.empty(), OptionalDouble.of(value), Map.of(), modelVersion, latency);
  }
}
