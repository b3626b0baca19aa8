package dev.mlops.benchmarks.onnx;

import dev.mlops.core.model.DenseLayer;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmarks' models: ReLU MLP classifiers with a probability tensor and seeded weights, the
 * tiny 8-16-2 one and wider 8-h-h-2 ones.
 */
final class TinyMlp {
  static final int FEATURES = 8;
  static final int HIDDEN = 16;

  private TinyMlp() {}

  static List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < FEATURES; i++) {
      names.add("f" + i);
    }
    return names;
  }

  static byte[] model(ProbabilityOutput output) {
    Random r = new Random(42);
    return OnnxModels.mlpClassifier(featureNames(), List.of("no", "yes"),
        List.of(layer(r, HIDDEN, FEATURES), layer(r, 2, HIDDEN)), output).toBytes();
  }

  /** The tiny MLP for {@code hidden == 16}, else an 8-hidden-hidden-2 MLP. */
  static byte[] model(int hidden) {
    if (hidden == HIDDEN) {
      return model(ProbabilityOutput.TENSOR);
    }
    Random r = new Random(42);
    return OnnxModels.mlpClassifier(featureNames(), List.of("no", "yes"),
        List.of(layer(r, hidden, FEATURES), layer(r, hidden, hidden), layer(r, 2, hidden)),
        ProbabilityOutput.TENSOR).toBytes();
  }

  private static DenseLayer layer(Random r, int out, int in) {
    double[][] w = new double[out][in];
    double[] b = new double[out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o][i] = r.nextGaussian() * 0.5;
      }
      b[o] = r.nextGaussian() * 0.1;
    }
    return new DenseLayer(w, b);
  }

  static List<Record> records(int n) {
    Random r = new Random(7);
    List<Record> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : featureNames()) {
        m.put(f, r.nextGaussian());
      }
      out.add(Record.of(m));
    }
    return out;
  }
}
