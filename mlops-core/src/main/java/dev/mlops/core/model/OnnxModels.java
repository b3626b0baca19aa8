package dev.mlops.core.model;

import dev.mlops.core.data.SpecJson;
import dev.mlops.core.features.FittedPipeline;
import dev.mlops.core.model.OnnxModelWriter.Attribute;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made ONNX models built with {@link OnnxModelWriter} from given weights: linear
 * regression, binary and multinomial logistic regression and small ReLU MLPs. Every model reads
 * one float input {@value #INPUT} of shape {@code [N, features]} and records its feature names
 * and classes as metadata properties, so {@code OnnxModel} maps records to the tensor by name.
 *
 * <p>Outputs follow the layout of models converted from scikit-learn (skl2onnx): regressors
 * return {@value #REGRESSION_OUTPUT} {@code [N, outputs]}; classifiers return {@value
 * #LABEL_OUTPUT} (string class names, {@code [N]}) and {@value #PROBABILITIES_OUTPUT}, either a
 * {@code [N, classes]} float tensor or, with {@link ProbabilityOutput#ZIP_MAP}, a sequence of
 * class-to-probability maps made by the {@code ai.onnx.ml} ZipMap operator.
 *
 * <p>Stateless and thread-safe; each call returns a new writer the caller may extend.
 */
public final class OnnxModels {

  /** Name of the input tensor: {@value}. */
  public static final String INPUT = "X";
  /** Name of a regressor's output: {@value} (skl2onnx's name). */
  public static final String REGRESSION_OUTPUT = "variable";
  /** Name of a classifier's label output: {@value}. */
  public static final String LABEL_OUTPUT = "label";
  /** Name of a classifier's probability output: {@value}. */
  public static final String PROBABILITIES_OUTPUT = "probabilities";
  /**
   * Prefix of the metadata property listing, comma-separated, the features of an input:
   * {@value}, followed by the input name.
   */
  public static final String FEATURES_PROPERTY_PREFIX = "mlops.features.";
  /** Metadata property listing a classifier's classes, comma-separated, in output order: {@value}. */
  public static final String CLASSES_PROPERTY = "mlops.classes";
  /**
   * Metadata property holding, as spec JSON ({@code SpecJson}), what a raw request must look like
   * when a feature pipeline is exported in front of the model: {@value}.
   */
  public static final String INPUT_SPEC_PROPERTY = "mlops.input_spec";
  /** Metadata property holding the fitted feature pipeline's JSON form: {@value}. */
  public static final String PIPELINE_PROPERTY = "mlops.feature_pipeline";
  /** Name of the output of {@link #featurePipeline}: {@value}. */
  public static final String FEATURES_OUTPUT = "features";
  /** Name of the symbolic batch dimension: {@value}. */
  public static final String BATCH_DIMENSION = "N";

  /** How a classifier returns its class probabilities. Immutable and thread-safe (an enum). */
  public enum ProbabilityOutput {
    /** A float tensor {@code [N, classes]}. */
    TENSOR,
    /**
     * A sequence of maps from class to probability (ai.onnx.ml ZipMap), as skl2onnx writes by
     * default. Keys are int64 when every class name is an integer, strings otherwise.
     */
    ZIP_MAP
  }

  private OnnxModels() {}

  /**
   * Linear regression {@code y = w·x + b}.
   *
   * @throws IllegalArgumentException if the weights do not match the features
   */
  public static OnnxModelWriter linearRegression(List<String> features, double[] weights, double bias) {
    return mlpRegressor(features, List.of(new DenseLayer(new double[][] {weights}, new double[] {bias})));
  }

  /**
   * A regressor made of dense layers with ReLU between them (none after the last).
   *
   * @throws IllegalArgumentException if layer sizes do not chain or the first does not match
   *     the features
   */
  public static OnnxModelWriter mlpRegressor(List<String> features, List<DenseLayer> layers) {
    return mlpRegressor(features, layers, null);
  }

  /** As {@link #mlpRegressor(List, List)}, with {@code front} computing the input (or null). */
  static OnnxModelWriter mlpRegressor(
      List<String> features, List<DenseLayer> layers, FittedPipeline front) {
    OnnxModelWriter w = start("mlp_regressor", features, layers, front);
    String last = denseStack(w, layers);
    w.node("Identity", List.of(last), List.of(REGRESSION_OUTPUT));
    return w.output(REGRESSION_OUTPUT, ElementType.FLOAT, BATCH_DIMENSION,
        layers.get(layers.size() - 1).outputs());
  }

  /**
   * Binary logistic regression: {@code P(classes[1]) = sigmoid(w·x + b)}.
   *
   * @param classes the negative and the positive class, in that order
   * @throws IllegalArgumentException if there are not two classes or the weights do not match
   */
  public static OnnxModelWriter logisticRegression(
      List<String> features, List<String> classes, double[] weights, double bias,
      ProbabilityOutput probabilities) {
    if (classes.size() != 2) {
      throw new IllegalArgumentException(
          "binary logistic regression needs 2 classes, was " + classes);
    }
    return classifier(features, classes,
        List.of(new DenseLayer(new double[][] {weights}, new double[] {bias})), probabilities,
        null);
  }

  /**
   * Multinomial (softmax) logistic regression with one weight row per class.
   *
   * @throws IllegalArgumentException if the rows do not match the classes or features
   */
  public static OnnxModelWriter softmaxRegression(
      List<String> features, List<String> classes, double[][] weights, double[] bias,
      ProbabilityOutput probabilities) {
    return mlpClassifier(features, classes, List.of(new DenseLayer(weights, bias)), probabilities);
  }

  /**
   * A classifier made of dense layers with ReLU between them and softmax after the last, which
   * has one unit per class.
   *
   * @throws IllegalArgumentException if the last layer's units differ from the classes
   */
  public static OnnxModelWriter mlpClassifier(
      List<String> features, List<String> classes, List<DenseLayer> layers,
      ProbabilityOutput probabilities) {
    int units = layers.get(layers.size() - 1).outputs();
    if (units != classes.size()) {
      throw new IllegalArgumentException(
          "the last layer has " + units + " units, expected one per class: " + classes);
    }
    return classifier(features, classes, layers, probabilities, null);
  }

  /** A classifier with {@code front} (or null) computing its input; see {@link #mlpClassifier}. */
  static OnnxModelWriter classifier(
      List<String> features, List<String> classes, List<DenseLayer> layers,
      ProbabilityOutput probabilities, FittedPipeline front) {
    Objects.requireNonNull(probabilities, "probabilities");
    checkNames("class", classes);
    OnnxModelWriter w = start("classifier", features, layers, front);
    w.property(CLASSES_PROPERTY, String.join(",", classes));
    String logits = denseStack(w, layers);
    String probs = probabilities == ProbabilityOutput.TENSOR ? PROBABILITIES_OUTPUT : "probability_tensor";
    if (layers.get(layers.size() - 1).outputs() == 1) {
      // Binary head: [1 - p, p] so the output has one column per class like skl2onnx.
      w.node("Sigmoid", List.of(logits), List.of("positive"));
      w.initializer("one", new long[] {1}, new float[] {1f});
      w.node("Sub", List.of("one", "positive"), List.of("negative"));
      w.node("Concat", List.of("negative", "positive"), List.of(probs), Attribute.of("axis", 1));
    } else {
      w.node("Softmax", List.of(logits), List.of(probs), Attribute.of("axis", 1));
    }
    w.node("ArgMax", List.of(probs), List.of("class_index"),
        Attribute.of("axis", 1), Attribute.of("keepdims", 0));
    w.initializer("class_names", new long[] {classes.size()}, classes);
    w.node("Gather", List.of("class_names", "class_index"), List.of(LABEL_OUTPUT),
        Attribute.of("axis", 0));
    w.output(LABEL_OUTPUT, ElementType.STRING, BATCH_DIMENSION);
    if (probabilities == ProbabilityOutput.TENSOR) {
      return w.output(PROBABILITIES_OUTPUT, ElementType.FLOAT, BATCH_DIMENSION, classes.size());
    }
    if (!w.declares(OnnxModelWriter.ML_DOMAIN)) {
      w.opset(OnnxModelWriter.ML_DOMAIN, 1);
    }
    boolean integerClasses = classes.stream().allMatch(c -> c.matches("-?\\d{1,18}"));
    Attribute labels = integerClasses
        ? Attribute.ofInts("classlabels_int64s", classes.stream().mapToLong(Long::parseLong).toArray())
        : Attribute.ofStrings("classlabels_strings", classes);
    w.node(OnnxModelWriter.ML_DOMAIN, "ZipMap", List.of(probs), List.of(PROBABILITIES_OUTPUT), labels);
    return w.sequenceOfMapsOutput(PROBABILITIES_OUTPUT,
        integerClasses ? ElementType.INT64 : ElementType.STRING, ElementType.FLOAT);
  }

  /**
   * A transform-only model: the fitted pipeline's graph with one input per raw column and one
   * output {@value #FEATURES_OUTPUT} {@code [N, features]}, the features the Java pipeline
   * computes. For checking a pipeline or serving features to another engine.
   */
  public static OnnxModelWriter featurePipeline(FittedPipeline pipeline) {
    OnnxModelWriter w = OnnxModelWriter.graph("feature_pipeline");
    PipelineGraph.emit(w, pipeline, FEATURES_OUTPUT);
    return w.output(FEATURES_OUTPUT, ElementType.FLOAT, BATCH_DIMENSION,
            pipeline.outputNames().size())
        .property(INPUT_SPEC_PROPERTY, SpecJson.write(pipeline.requestSpec()))
        .property(PIPELINE_PROPERTY, pipeline.toJson());
  }

  private static OnnxModelWriter start(
      String name, List<String> features, List<DenseLayer> layers, FittedPipeline front) {
    checkNames("feature", features);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one layer");
    }
    if (layers.get(0).inputs() != features.size()) {
      throw new IllegalArgumentException(
          "the first layer has " + layers.get(0).inputs() + " inputs, expected one per feature: "
              + features.size());
    }
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
        throw new IllegalArgumentException(
            "layer " + i + " has " + layers.get(i).inputs() + " inputs, expected "
                + layers.get(i - 1).outputs() + " (the units of layer " + (i - 1) + ")");
      }
    }
    OnnxModelWriter w = OnnxModelWriter.graph(name);
    if (front == null) {
      return w.input(INPUT, ElementType.FLOAT, BATCH_DIMENSION, features.size())
          .property(FEATURES_PROPERTY_PREFIX + INPUT, String.join(",", features));
    }
    front.checkFeeds(features);
    PipelineGraph.emit(w, front, INPUT);
    return w.property(INPUT_SPEC_PROPERTY, SpecJson.write(front.requestSpec()))
        .property(PIPELINE_PROPERTY, front.toJson());
  }

  /** Adds Gemm (+ Relu between layers) nodes; returns the name of the last layer's output. */
  private static String denseStack(OnnxModelWriter w, List<DenseLayer> layers) {
    String current = INPUT;
    for (int i = 0; i < layers.size(); i++) {
      DenseLayer layer = layers.get(i);
      String weights = "W" + i;
      String bias = "B" + i;
      w.initializer(weights, new long[] {layer.outputs(), layer.inputs()}, layer.flatWeights());
      w.initializer(bias, new long[] {layer.outputs()}, layer.floatBias());
      String out = "dense" + i;
      w.node("Gemm", List.of(current, weights, bias), List.of(out), Attribute.of("transB", 1));
      current = out;
      if (i < layers.size() - 1) {
        w.node("Relu", List.of(out), List.of("relu" + i));
        current = "relu" + i;
      }
    }
    return current;
  }

  private static void checkNames(String what, List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("at least one " + what + " name is needed");
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException(what + " names repeat: " + names);
    }
    for (String n : names) {
      if (n.isEmpty() || n.contains(",")) {
        throw new IllegalArgumentException(
            what + " name must be non-empty and free of commas, was '" + n + "'");
      }
    }
  }
}
