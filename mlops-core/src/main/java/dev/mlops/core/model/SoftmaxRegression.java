package dev.mlops.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trained multinomial (softmax) logistic regression on raw features:
 * {@code P(class k) = softmax(W x + b)_k}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param features feature names, in weight-column order
 * @param classes the classes, one weight row each
 * @param layer the weights {@code [classes][features]} and biases
 */
public record SoftmaxRegression(List<String> features, List<String> classes, DenseLayer layer)
    implements LinearModel {

  /**
   * Copies and checks.
   *
   * @throws IllegalArgumentException if the layer does not have one row per class and one column
   *     per feature, or there are fewer than two classes
   */
  public SoftmaxRegression {
    features = List.copyOf(features);
    classes = List.copyOf(classes);
    Objects.requireNonNull(layer, "layer");
    if (classes.size() < 2 || layer.outputs() != classes.size()
        || layer.inputs() != features.size()) {
      throw new IllegalArgumentException("a softmax regression needs >= 2 classes and a "
          + "[classes x features] layer, was " + classes + " and " + layer);
    }
  }

  @Override
  public double[] outputs(double[] x) {
    double[] z = layer.apply(x);
    double max = Arrays.stream(z).max().orElseThrow();
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  @Override
  public OnnxModelWriter toOnnx(OnnxModels.ProbabilityOutput probabilities) {
    return OnnxModels.softmaxRegression(features, classes, layer.weights(), layer.bias(),
        probabilities);
  }
}
