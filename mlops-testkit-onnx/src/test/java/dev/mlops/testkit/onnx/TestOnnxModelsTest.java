package dev.mlops.testkit.onnx;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.model.DenseLayer;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.testkit.ExperimentStore;
import dev.mlops.testkit.MlopsTest;
import dev.mlops.testkit.TestResources;
import dev.mlops.testkit.drift.DriftScenario;
import dev.mlops.testkit.model.FakeModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The real runtime answers as the same formula computed in Java, to float precision (the ONNX
 * graphs compute in float32, the Java references in double).
 */
@MlopsTest
class TestOnnxModelsTest {
  private static final double FLOAT_TOLERANCE = 1e-5;
  private static final Dataset ROWS = DriftScenario.builder(5).rows(200).build().data()
      .select(List.of("x1", "x2"));

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static Model reference(String name, List<String> classes, Function<Record, double[]> probabilities) {
    return FakeModel.classifier(name, classes.toArray(String[]::new)).version(TestOnnxModels.VERSION)
        .otherwise(r -> {
          double[] p = probabilities.apply(r);
          Map<String, Double> byClass = new LinkedHashMap<>();
          int top = 0;
          for (int i = 0; i < p.length; i++) {
            byClass.put(classes.get(i), p[i]);
            top = p[i] > p[top] ? i : top;
          }
          return Prediction.classification(classes.get(top), byClass, TestOnnxModels.VERSION, Duration.ZERO);
        }).build();
  }

  @Test
  void logisticAnswersAsTheSigmoid(TestResources resources) {
    OnnxModel model = resources.closeAfter(TestOnnxModels.logistic(List.of("x1", "x2"), new double[] {1.5, -0.5}, 0.25));
    Model inJava = reference("java", TestOnnxModels.BINARY_CLASSES, r -> {
      double p = sigmoid(1.5 * r.getDouble("x1") - 0.5 * r.getDouble("x2") + 0.25);
      return new double[] {1 - p, p};
    });
    assertThat(model.describe().task()).isEqualTo(ModelTask.CLASSIFICATION);
    assertThat(model).on(ROWS).predictsWithin(FLOAT_TOLERANCE).of(inJava);
  }

  @Test
  void softmaxAnswersAsTheSoftmax(TestResources resources) {
    double[][] w = {{1, 0}, {0, 1}, {-1, -1}};
    double[] b = {0.1, 0, -0.1};
    OnnxModel model = resources.closeAfter(TestOnnxModels.softmax(List.of("x1", "x2"), List.of("a", "b", "c"), w, b));
    Model inJava = reference("java", List.of("a", "b", "c"), r -> softmax(w, b, r.getDouble("x1"), r.getDouble("x2")));
    assertThat(model).on(ROWS).predictsWithin(FLOAT_TOLERANCE).of(inJava);
  }

  @Test
  void mlpAnswersAsItsLayers(TestResources resources) {
    DenseLayer hidden = new DenseLayer(new double[][] {{1, -1}, {0.5, 0.5}, {-1, 2}}, new double[] {0, 0.1, -0.2});
    DenseLayer out = new DenseLayer(new double[][] {{1, 0, -1}, {-1, 1, 1}}, new double[] {0, 0});
    OnnxModel model = resources.closeAfter(TestOnnxModels.mlp(List.of("x1", "x2"), List.of("no", "yes"), List.of(hidden, out)));
    Model inJava = reference("java", List.of("no", "yes"), r -> {
      double[] h = hidden.apply(new double[] {r.getDouble("x1"), r.getDouble("x2")});
      for (int i = 0; i < h.length; i++) {
        h[i] = Math.max(0, h[i]);
      }
      double[] logits = out.apply(h);
      return softmax(new double[][] {{1, 0}, {0, 1}}, new double[2], logits[0], logits[1]);
    });
    assertThat(model).on(ROWS).predictsWithin(FLOAT_TOLERANCE).of(inJava);
  }

  @Test
  void regressionAnswersAsTheLinearFormula(TestResources resources) {
    OnnxModel model = resources.closeAfter(TestOnnxModels.regression(new double[] {2, 3}, -1));
    Model inJava = FakeModel.regressor("java").version(TestOnnxModels.VERSION)
        .otherwise(r -> Prediction.regression(2 * r.getDouble("f0") + 3 * r.getDouble("f1") - 1,
            TestOnnxModels.VERSION, Duration.ZERO)).build();
    List<Record> rows = ROWS.rows().stream()
        .map(r -> Record.of(Map.of("f0", r.getDouble("x1"), "f1", r.getDouble("x2")))).toList();
    assertThat(model).on(rows).predictsWithin(FLOAT_TOLERANCE * 10).of(inJava);
    assertThat(model.name()).isEqualTo("regression");
  }

  @Test
  void theExtensionCatchesAnOnnxModelLeftOpen(@ExperimentStore Path unused, TestResources resources) {
    OnnxModel model = resources.track(TestOnnxModels.logistic(new double[] {1}, 0));
    assertThat(resources.leaks()).containsExactly("model 'logistic' test");
    model.close();
    assertThat(resources.leaks()).isEmpty();
  }

  private static double[] softmax(double[][] w, double[] b, double x1, double x2) {
    double[] z = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < w.length; i++) {
      z[i] = w[i][0] * x1 + w[i][1] * x2 + b[i];
      max = Math.max(max, z[i]);
    }
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      sum += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= sum;
    }
    return z;
  }
}
