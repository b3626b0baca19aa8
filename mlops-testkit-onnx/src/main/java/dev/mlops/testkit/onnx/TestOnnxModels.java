package dev.mlops.testkit.onnx;

import dev.mlops.core.model.DenseLayer;
import dev.mlops.core.model.OnnxModelWriter;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Real ONNX models from given weights, served by ONNX Runtime: what a host test needs to run its
 * serving path end to end without Python, a model file or a trained model.
 *
 * <pre>{@code
 * try (OnnxModel model = TestOnnxModels.logistic(new double[] {2, -1}, 0.5)) {
 *   Prediction p = model.predict(Record.of(Map.of("f0", 1.0, "f1", 0.0)));
 *   // label "1", probability sigmoid(2 * 1 - 1 * 0 + 0.5)
 * }
 * }</pre>
 *
 * <p>Features are named {@code f0, f1, ...} unless given; classifiers return a label and a class
 * probability tensor ({@link ProbabilityOutput#TENSOR}). Every model is named after its kind
 * ({@code "logistic"}, ...) with version {@value #VERSION}. The caller owns (and closes) each
 * model; the models are thread-safe as {@link OnnxModel} is. This class is stateless and
 * thread-safe.
 */
public final class TestOnnxModels {
  /** The version every model here reports: {@value}. */
  public static final String VERSION = "test";
  /** The classes of a binary logistic model, negative first: "0" and "1". */
  public static final List<String> BINARY_CLASSES = List.of("0", "1");

  private TestOnnxModels() {}

  /** Returns feature names {@code f0 .. f(count-1)}. */
  public static List<String> features(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add("f" + i);
    }
    return names;
  }

  /** Binary logistic regression over {@code f0..}: {@code P("1") = sigmoid(w·x + b)}. */
  public static OnnxModel logistic(double[] weights, double bias) {
    return logistic(features(weights.length), weights, bias);
  }

  /**
   * Binary logistic regression: {@code P("1") = sigmoid(w·x + b)}.
   *
   * @throws IllegalArgumentException if the weights do not match the features
   */
  public static OnnxModel logistic(List<String> features, double[] weights, double bias) {
    return load("logistic",
        OnnxModels.logisticRegression(features, BINARY_CLASSES, weights, bias, ProbabilityOutput.TENSOR));
  }

  /**
   * Multinomial logistic regression: {@code P(c) = softmax(W·x + b)_c}, one weight row per class.
   *
   * @throws IllegalArgumentException if the rows do not match the classes or features
   */
  public static OnnxModel softmax(
      List<String> features, List<String> classes, double[][] weights, double[] bias) {
    return load("softmax",
        OnnxModels.softmaxRegression(features, classes, weights, bias, ProbabilityOutput.TENSOR));
  }

  /**
   * A classifier of dense layers with ReLU between them and softmax after the last, which has one
   * unit per class.
   *
   * @throws IllegalArgumentException if the layers do not chain or do not match the features
   *     and classes
   */
  public static OnnxModel mlp(List<String> features, List<String> classes, List<DenseLayer> layers) {
    return load("mlp",
        OnnxModels.mlpClassifier(features, classes, layers, ProbabilityOutput.TENSOR));
  }

  /** Linear regression over {@code f0..}: {@code y = w·x + b}. */
  public static OnnxModel regression(double[] weights, double bias) {
    return regression(features(weights.length), weights, bias);
  }

  /**
   * Linear regression {@code y = w·x + b}.
   *
   * @throws IllegalArgumentException if the weights do not match the features
   */
  public static OnnxModel regression(List<String> features, double[] weights, double bias) {
    return load("regression", OnnxModels.linearRegression(features, weights, bias));
  }

  private static OnnxModel load(String name, OnnxModelWriter writer) {
    return OnnxModel.fromBytes(writer.toBytes(),
        OnnxModelOptions.builder().name(name).version(VERSION).build());
  }
}
