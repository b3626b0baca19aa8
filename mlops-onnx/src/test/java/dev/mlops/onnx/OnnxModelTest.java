package dev.mlops.onnx;

import static dev.mlops.onnx.Fixtures.BINARY_CLASSES;
import static dev.mlops.onnx.Fixtures.FEATURES;
import static dev.mlops.onnx.Fixtures.IRIS;
import static dev.mlops.onnx.Fixtures.LINEAR_B;
import static dev.mlops.onnx.Fixtures.LINEAR_W;
import static dev.mlops.onnx.Fixtures.SOFTMAX_B;
import static dev.mlops.onnx.Fixtures.SOFTMAX_W;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.model.DenseLayer;
import dev.mlops.core.model.ElementType;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import dev.mlops.time.MlopsClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
  /** Float32 weights and arithmetic against double reference math. */
  private static final double TOLERANCE = 1e-5;

  private static OnnxModel open(byte[] bytes) {
    return OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults());
  }

  @Test
  void linearRegressionEqualsJavaMath() {
    try (OnnxModel model = open(Fixtures.linear())) {
      List<Record> records = Fixtures.randomRecords(50, 1);
      List<Prediction> predictions = model.predictBatch(records);
      assertThat(model.isClassifier()).isFalse();
      for (int i = 0; i < records.size(); i++) {
        double expected = Fixtures.dot(LINEAR_W, Fixtures.x(records.get(i))) + LINEAR_B;
        assertThat(predictions.get(i).score().getAsDouble()).isCloseTo(expected, within(TOLERANCE));
        assertThat(predictions.get(i).label()).isEmpty();
        assertThat(predictions.get(i).modelVersion()).isEqualTo(model.version());
      }
      assertThat(model.predict(records.get(7))).usingRecursiveComparison().ignoringFields("latency")
          .isEqualTo(predictions.get(7));
    }
  }

  @Test
  void logisticRegressionWithTensorAndZipMapOutputsEqualsJavaMath() {
    for (ProbabilityOutput output : ProbabilityOutput.values()) {
      try (OnnxModel model = open(Fixtures.logistic(output))) {
        assertThat(model.isClassifier()).isTrue();
        assertThat(model.classes()).isEqualTo(BINARY_CLASSES);
        for (Record r : Fixtures.randomRecords(40, 2)) {
          double p = Fixtures.sigmoid(Fixtures.dot(LINEAR_W, Fixtures.x(r)) + LINEAR_B);
          Prediction prediction = model.predict(r);
          assertThat(prediction.probabilities().keySet()).containsExactlyElementsOf(BINARY_CLASSES);
          assertThat(prediction.probabilities().get("malignant")).isCloseTo(p, within(TOLERANCE));
          assertThat(prediction.probabilities().get("benign")).isCloseTo(1 - p, within(TOLERANCE));
          assertThat(prediction.label()).contains(p >= 0.5 ? "malignant" : "benign");
          assertThat(prediction.score().getAsDouble()).isCloseTo(Math.max(p, 1 - p), within(TOLERANCE));
        }
      }
    }
  }

  @Test
  void softmaxRegressionEqualsJavaMathForStringAndIntegerZipMapKeys() {
    List<String> numbered = List.of("0", "1", "2");
    for (List<String> classes : List.of(IRIS, numbered)) {
      for (ProbabilityOutput output : ProbabilityOutput.values()) {
        try (OnnxModel model = open(Fixtures.softmax(classes, output))) {
          for (Record r : Fixtures.randomRecords(30, 3)) {
            double[] z = new double[3];
            for (int k = 0; k < 3; k++) {
              z[k] = Fixtures.dot(SOFTMAX_W[k], Fixtures.x(r)) + SOFTMAX_B[k];
            }
            double[] p = Fixtures.softmax(z);
            Prediction prediction = model.predict(r);
            assertThat(prediction.probabilities().keySet()).containsExactlyElementsOf(classes);
            for (int k = 0; k < 3; k++) {
              assertThat(prediction.probabilities().get(classes.get(k)))
                  .isCloseTo(p[k], within(TOLERANCE));
            }
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertThat(prediction.label()).contains(classes.get(best));
          }
        }
      }
    }
  }

  @Test
  void zipMapWithoutClassPropertyOrdersIntegerKeysNumerically() {
    byte[] bytes = OnnxModels.softmaxRegression(FEATURES, List.of("10", "2", "7"), SOFTMAX_W,
        SOFTMAX_B, ProbabilityOutput.ZIP_MAP).property(OnnxModels.CLASSES_PROPERTY, "").toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThat(model.classes()).isEmpty();
      assertThat(model.metadata().output("probabilities").orElseThrow().keyType())
          .contains(ElementType.INT64);
      Prediction p = model.predict(Fixtures.record(1, 2, 3));
      assertThat(p.probabilities().keySet()).containsExactly("2", "7", "10");
    }
  }

  @Test
  void mlpRegressorAndClassifierEqualJavaMath() {
    List<DenseLayer> layers = Fixtures.mlpLayers();
    byte[] regressor = OnnxModels.mlpRegressor(FEATURES, layers).toBytes();
    byte[] classifier = OnnxModels.mlpClassifier(FEATURES, List.of("no", "yes"), layers,
        ProbabilityOutput.TENSOR).toBytes();
    try (OnnxModel reg = open(regressor); OnnxModel cls = open(classifier)) {
      for (Record r : Fixtures.randomRecords(30, 4)) {
        double[] out = layers.get(1).apply(Fixtures.relu(layers.get(0).apply(Fixtures.x(r))));
        assertThat(reg.predict(r).score().getAsDouble()).isCloseTo(out[0], within(TOLERANCE));
        double[] p = Fixtures.softmax(out);
        Prediction c = cls.predict(r);
        assertThat(c.probabilities().get("no")).isCloseTo(p[0], within(TOLERANCE));
        assertThat(c.probabilities().get("yes")).isCloseTo(p[1], within(TOLERANCE));
      }
      Map<String, Tensor> raw = reg.run(Map.of("X", Tensor.ofFloats(new long[] {1, 3}, 1f, 2f, 3f)));
      double[] out = layers.get(1).apply(Fixtures.relu(layers.get(0).apply(new double[] {1, 2, 3})));
      assertThat(raw.get("variable").shape()).containsExactly(1, 2);
      assertThat(raw.get("variable").getDouble(1)).isCloseTo(out[1], within(TOLERANCE));
    }
  }

  @Test
  void latencyIsTheRunTimeOnTheOptionsClockDividedByTheBatchSize() {
    AtomicLong ticks = new AtomicLong();
    // Each reading moves the clock by 3 µs, so a run reads as exactly 3 µs long.
    MlopsClock clock = MlopsClock.of(java.time.Clock.systemUTC(), () -> ticks.addAndGet(3_000));
    OnnxModelOptions options = OnnxModelOptions.builder().clock(clock).build();
    try (OnnxModel model = OnnxModel.fromBytes(Fixtures.linear(), options)) {
      List<Prediction> batch = model.predictBatch(Fixtures.randomRecords(3, 9));
      assertThat(batch).extracting(Prediction::latency).containsOnly(Duration.ofNanos(1_000));
      assertThat(model.predict(Fixtures.record(1, 2, 3)).latency()).isEqualTo(Duration.ofNanos(3_000));
    }
  }

  @Test
  void metadataNamesTypesShapesProducerAndOpsets() {
    try (OnnxModel model = open(Fixtures.logistic(ProbabilityOutput.ZIP_MAP))) {
      ModelMetadata md = model.metadata();
      assertThat(md.producerName()).isEqualTo("mlops-java");
      assertThat(md.irVersion()).isEqualTo(7);
      assertThat(md.defaultOpset()).isEqualTo(13);
      assertThat(md.opsets()).containsEntry("ai.onnx.ml", 1L);
      TensorInfo x = md.inputs().get(0);
      assertThat(x.name()).isEqualTo("X");
      assertThat(x.elementType()).isEqualTo(ElementType.FLOAT);
      assertThat(x.shape()).containsExactly(Dimension.symbolic("N"), Dimension.of(3));
      assertThat(x.typeText()).isEqualTo("tensor(float)[N, 3]");
      assertThat(md.output("label").orElseThrow().elementType()).isEqualTo(ElementType.STRING);
      TensorInfo probs = md.output("probabilities").orElseThrow();
      assertThat(probs.kind()).isEqualTo(ValueKind.SEQUENCE_OF_MAPS);
      assertThat(probs.typeText()).isEqualTo("seq(map(string, float))");
      assertThat(md.properties()).containsEntry("mlops.features.X", "a,b,c");
      assertThat(model.name()).isEqualTo("classifier");
      assertThat(model.version()).matches("sha256:[0-9a-f]{12}");
      assertThat(model.outputDecoding()).contains("label: label", "probabilities: probabilities");
    }
  }

  @Test
  void derivedSpecListsTheMappedFeatures() {
    try (OnnxModel model = open(Fixtures.linear())) {
      assertThat(model.inputSpec().featureNames()).containsExactlyElementsOf(FEATURES);
      assertThat(model.inputSpec().features()).allSatisfy(f -> {
        assertThat(f.type()).isEqualTo(FeatureType.NUMERIC);
        assertThat(f.required()).isTrue();
        assertThat(f.range().orElseThrow().nanAllowed()).isFalse();
      });
      assertThat(model.featureMapping()).isEqualTo(FeatureMapping.of("X", FEATURES));
    }
  }

  @Test
  void severalInputsMappedByNameAndStringInputs() {
    try (OnnxModel adder = open(Fixtures.twoInputs()); OnnxModel echo = open(Fixtures.echoString())) {
      Prediction sum = adder.predict(Record.of(Map.of("a", 1.5, "b", 2.25)));
      assertThat(sum.score().getAsDouble()).isEqualTo(3.75);
      assertThat(adder.inputSpec().featureNames()).containsExactly("a", "b");
      assertThat(echo.predict(Record.of(Map.of("word", "hello"))).label()).contains("hello");
      assertThat(echo.inputSpec().feature("word").orElseThrow().type())
          .isEqualTo(FeatureType.CATEGORICAL);
      Map<String, Tensor> raw = echo.run(Map.of("word", Tensor.ofStrings(new long[] {2}, "x", "y")));
      assertThat(raw.get("same").strings()).containsExactly("x", "y");
    }
  }

  @Test
  void int64InputsAndOutputs() {
    try (OnnxModel model = open(Fixtures.int64Increment())) {
      assertThat(model.predict(Record.of(Map.of("count", 41.0))).label()).contains("42");
      assertThat(model.inputSpec().feature("count").orElseThrow().type())
          .isEqualTo(FeatureType.INTEGER);
      Map<String, Tensor> raw = model.run(Map.of("count", Tensor.ofLongs(new long[] {3}, 1, 2, 3)));
      assertThat(raw.get("next").longs()).containsExactly(2, 3, 4);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> model.predict(Record.of(Map.of("count", 1.5))))
          .hasMessageContaining("feature 'count' of row 0 is not a whole number")
          .hasMessageContaining("expected INT64 for input 'count', actual 1.5");
    }
  }

  @Test
  void explicitFeatureMappingRenamesColumns() {
    OnnxModelOptions options = OnnxModelOptions.builder()
        .features(FeatureMapping.of("X", List.of("z", "y", "x"))).name("renamed").version("v7")
        .build();
    try (OnnxModel model = OnnxModel.fromBytes(Fixtures.linear(), options)) {
      Prediction p = model.predict(Record.of(Map.of("x", 3.0, "y", 2.0, "z", 1.0)));
      assertThat(p.score().getAsDouble()).isCloseTo(Fixtures.dot(LINEAR_W, new double[] {1, 2, 3})
          + LINEAR_B, within(TOLERANCE));
      assertThat(model.name()).isEqualTo("renamed");
      assertThat(p.modelVersion()).isEqualTo("v7");
    }
  }

  @Test
  void loadsFromPathAndClassPathResource(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("churn.onnx"), Fixtures.linear());
    try (OnnxModel fromPath = OnnxModel.load(file);
        OnnxModel fromResource = OnnxModel.fromResource(
            "/dev/mlops/onnx/logistic_regression.onnx", OnnxModelOptions.defaults())) {
      assertThat(fromPath.name()).isEqualTo("churn");
      assertThat(fromResource.name()).isEqualTo("logistic_regression");
      assertThat(fromResource.metadata().inputs()).extracting(TensorInfo::name).containsExactly("X");
    }
  }

  @Test
  void committedModelFileIsWhatItsGeneratorWrites() throws Exception {
    byte[] committed;
    try (var in = getClass().getResourceAsStream("/dev/mlops/onnx/logistic_regression.onnx")) {
      committed = in.readAllBytes();
    }
    assertThat(committed).isEqualTo(TestModelFiles.logisticRegression());
  }

  @Test
  void closeIsIdempotentAndRawRunReturnsEveryTensorOutput() {
    OnnxModel model = open(Fixtures.logistic(ProbabilityOutput.TENSOR));
    Map<String, Tensor> out = model.run(Map.of("X", Tensor.ofFloats(new long[] {2, 3},
        0, 0, 0, 1, 1, 1)));
    assertThat(out.keySet()).containsExactly("label", "probabilities");
    assertThat(out.get("probabilities").floats()[1]).isCloseTo((float) Fixtures.sigmoid(LINEAR_B),
        within(1e-6f));
    model.close();
    model.close();
    assertThat(model.toString()).contains("classifier");
  }
}
