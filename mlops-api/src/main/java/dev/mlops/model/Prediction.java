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
 * <p>Immutable and thread-safe.
 *
 * @param label the predicted class of a classifier; empty for a regressor
 * @param score the regression output, or the classifier's score for the positive / predicted
 *     class; empty when the model gives none
 * @param probabilities class to probability for a classifier, in the model's class order; empty
 *     otherwise
 * @param modelVersion the version of the model that produced it
 * @param latency how long the model took for this prediction (for a batch, the batch time divided
 *     by its size)
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
