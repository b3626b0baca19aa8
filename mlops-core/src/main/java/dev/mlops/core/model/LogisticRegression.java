package dev.mlops.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trained binary logistic regression on raw (unstandardised) features:
 * {@code P(positive) = sigmoid(w·x + b)}. Standardisation used in training is folded into the
 * weights, so the exported ONNX model reads the raw feature values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param features feature names, in weight order
 * @param classes the negative and the positive class
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticRegression(
    List<String> features, List<String> classes, double[] weights, double bias)
    implements LinearModel {

  /**
   * Copies and checks the parameters.
   *
   * @throws IllegalArgumentException if the sizes disagree or there are not two classes
   */
  public LogisticRegression {
    features = List.copyOf(features);
    classes = List.copyOf(classes);
    weights = Objects.requireNonNull(weights, "weights").clone();
    if (weights.length != features.size()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + features.size() + " features");
    }
    if (classes.size() != 2) {
      throw new IllegalArgumentException("need a negative and a positive class, was " + classes);
    }
  }

  /** Returns the probability of the positive class for raw feature values in feature order. */
  public double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * x[i];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Returns the predicted class (positive when its probability is at least 0.5). */
  public String predict(double[] x) {
    return probability(x) >= 0.5 ? classes.get(1) : classes.get(0);
  }

  /** Returns {@code [P(negative), P(positive)]}. */
  @Override
  public double[] outputs(double[] x) {
    double p = probability(x);
    return new double[] {1 - p, p};
  }

  /** Returns an ONNX writer for this model (see {@link OnnxModels#logisticRegression}). */
  @Override
  public OnnxModelWriter toOnnx(OnnxModels.ProbabilityOutput probabilities) {
    return OnnxModels.logisticRegression(features, classes, weights, bias, probabilities);
  }

  /** Returns a copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogisticRegression other
        && features.equals(other.features)
        && classes.equals(other.classes)
        && Arrays.equals(weights, other.weights)
        && Double.compare(bias, other.bias) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, classes, Arrays.hashCode(weights), bias);
  }

  @Override
  public String toString() {
    return "LogisticRegression[" + features.size() + " features, classes " + classes + "]";
  }
}
