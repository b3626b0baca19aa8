package dev.mlops.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trained linear regression on raw features, {@code y = w·x + b}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param features feature names, in weight order
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LinearRegression(List<String> features, double[] weights, double bias)
    implements LinearModel {

  /**
   * Copies and checks.
   *
   * @throws IllegalArgumentException if the sizes disagree
   */
  public LinearRegression {
    features = List.copyOf(features);
    weights = Objects.requireNonNull(weights, "weights").clone();
    if (weights.length != features.size()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + features.size() + " features");
    }
  }

  @Override
  public List<String> classes() {
    return List.of();
  }

  @Override
  public double[] outputs(double[] x) {
    double y = bias;
    for (int i = 0; i < weights.length; i++) {
      y += weights[i] * x[i];
    }
    return new double[] {y};
  }

  @Override
  public OnnxModelWriter toOnnx(OnnxModels.ProbabilityOutput probabilities) {
    return OnnxModels.linearRegression(features, weights, bias);
  }

  /** Returns a copy of the weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearRegression other && features.equals(other.features)
        && Arrays.equals(weights, other.weights) && Double.compare(bias, other.bias) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, Arrays.hashCode(weights), bias);
  }

  @Override
  public String toString() {
    return "LinearRegression[" + features.size() + " features]";
  }
}
