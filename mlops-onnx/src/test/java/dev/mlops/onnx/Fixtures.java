package dev.mlops.onnx;

import dev.mlops.core.model.DenseLayer;
import dev.mlops.core.model.ElementType;
import dev.mlops.core.model.OnnxModelWriter;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.data.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Models written by {@link OnnxModelWriter} and the same math done in Java. */
final class Fixtures {
  static final List<String> FEATURES = List.of("a", "b", "c");
  static final double[] LINEAR_W = {0.5, -1.25, 2.0};
  static final double LINEAR_B = 0.75;
  static final List<String> BINARY_CLASSES = List.of("benign", "malignant");
  static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");
  static final double[][] SOFTMAX_W = {{1.0, -0.5, 0.25}, {-0.3, 0.8, 0.1}, {0.2, 0.2, -0.9}};
  static final double[] SOFTMAX_B = {0.1, -0.2, 0.05};

  private Fixtures() {}

  static byte[] linear() {
    return OnnxModels.linearRegression(FEATURES, LINEAR_W, LINEAR_B).toBytes();
  }

  static byte[] logistic(ProbabilityOutput output) {
    return OnnxModels.logisticRegression(FEATURES, BINARY_CLASSES, LINEAR_W, LINEAR_B, output)
        .toBytes();
  }

  static byte[] softmax(List<String> classes, ProbabilityOutput output) {
    return OnnxModels.softmaxRegression(FEATURES, classes, SOFTMAX_W, SOFTMAX_B, output).toBytes();
  }

  /** A 3-4-2 MLP classifier (the "tiny MLP" of the benchmarks has the same form). */
  static List<DenseLayer> mlpLayers() {
    return List.of(
        new DenseLayer(new double[][] {
            {0.2, -0.4, 0.6}, {-0.5, 0.1, 0.3}, {0.7, 0.7, -0.2}, {-0.1, -0.3, -0.6}},
            new double[] {0.05, -0.1, 0.0, 0.2}),
        new DenseLayer(new double[][] {{0.3, -0.8, 0.5, 0.1}, {-0.6, 0.4, 0.2, 0.9}},
            new double[] {0.1, -0.05}));
  }

  /** A model with one float input of each name ("a" and "b", [N, 1]) that adds them. */
  static byte[] twoInputs() {
    return OnnxModelWriter.graph("adder")
        .input("a", ElementType.FLOAT, "N", 1)
        .input("b", ElementType.DOUBLE, "N", 1)
        .node("Cast", List.of("b"), List.of("b_float"), OnnxModelWriter.Attribute.of("to", 1))
        .node("Add", List.of("a", "b_float"), List.of("sum"))
        .output("sum", ElementType.FLOAT, "N", 1)
        .toBytes();
  }

  /** A model that echoes a string input as its (label) output. */
  static byte[] echoString() {
    return OnnxModelWriter.graph("echo")
        .input("word", ElementType.STRING, "N")
        .node("Identity", List.of("word"), List.of("same"))
        .output("same", ElementType.STRING, "N")
        .toBytes();
  }

  /** A model that adds one to an int64 input, returning it as its (label) output. */
  static byte[] int64Increment() {
    return OnnxModelWriter.graph("increment")
        .input("count", ElementType.INT64, "N")
        .initializer("one", new long[] {1}, new long[] {1})
        .node("Add", List.of("count", "one"), List.of("next"))
        .output("next", ElementType.INT64, "N")
        .toBytes();
  }

  /** A model that widens an int32 input to its int64 (label) output. */
  static byte[] int32Widen() {
    return OnnxModelWriter.graph("widen")
        .input("count", ElementType.INT32, "N")
        .node("Cast", List.of("count"), List.of("wide"), OnnxModelWriter.Attribute.of("to", 7))
        .output("wide", ElementType.INT64, "N")
        .toBytes();
  }

  /** A model with a uint8 input, which records cannot fill. */
  static byte[] uint8Input() {
    return OnnxModelWriter.graph("pixels")
        .input("pixels", ElementType.UINT8, "N", 4)
        .node("Cast", List.of("pixels"), List.of("y"), OnnxModelWriter.Attribute.of("to", 1))
        .output("y", ElementType.FLOAT, "N", 4)
        .toBytes();
  }

  static Record record(double a, double b, double c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", a);
    m.put("b", b);
    m.put("c", c);
    return Record.of(m);
  }

  static List<Record> randomRecords(int n, long seed) {
    Random r = new Random(seed);
    List<Record> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(record(r.nextGaussian() * 2, r.nextGaussian() * 2, r.nextGaussian() * 2));
    }
    return out;
  }

  static double[] x(Record r) {
    return new double[] {r.getDouble("a"), r.getDouble("b"), r.getDouble("c")};
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < z.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  static double[] relu(double[] z) {
    double[] out = z.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(0, out[i]);
    }
    return out;
  }

  static double dot(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }
}
