package dev.mlops.onnx;

import static dev.mlops.onnx.Fixtures.BINARY_CLASSES;
import static dev.mlops.onnx.Fixtures.FEATURES;
import static dev.mlops.onnx.Fixtures.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.model.BatchingConfig;
import dev.mlops.core.model.BatchingModel;
import dev.mlops.core.model.ElementType;
import dev.mlops.core.model.OnnxModelWriter;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.ModelTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OnnxModel#describe()} on models written by the project's ONNX writer. */
class OnnxModelDescriptorTest {

  private static OnnxModel open(byte[] bytes) {
    return OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults());
  }

  @Test
  void classifierNamesItsClassesFromTheModelFileAndItsInputSpec() {
    for (ProbabilityOutput output : ProbabilityOutput.values()) {
      try (OnnxModel model = open(Fixtures.logistic(output))) {
        ModelDescriptor d = model.describe();
        assertThat(d.name()).isEqualTo(model.name());
        assertThat(d.version()).isEqualTo(model.version()).startsWith("sha256:");
        assertThat(d.task()).isEqualTo(ModelTask.CLASSIFICATION);
        assertThat(d.classLabels()).isEqualTo(BINARY_CLASSES);
        assertThat(d.inputSpec()).contains(model.inputSpec());
        assertThat(d.inputSpec().orElseThrow().featureNames()).containsExactlyElementsOf(FEATURES);
      }
    }
  }

  @Test
  void classLabelsAreInTheOrderOfThePredictedProbabilities() {
    try (OnnxModel model = open(Fixtures.softmax(IRIS, ProbabilityOutput.TENSOR))) {
      assertThat(model.describe().classLabels()).containsExactlyElementsOf(IRIS);
      assertThat(model.predict(Fixtures.record(1, 2, 3)).probabilities().keySet())
          .containsExactlyElementsOf(model.describe().classLabels());
    }
  }

  @Test
  void unnamedProbabilityColumnsAreNumberedAsPredictionsNameThem() {
    byte[] bytes = OnnxModels.mlpClassifier(FEATURES, List.of("no", "yes"), Fixtures.mlpLayers(),
        ProbabilityOutput.TENSOR).property(OnnxModels.CLASSES_PROPERTY, "").toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThat(model.describe().task()).isEqualTo(ModelTask.CLASSIFICATION);
      assertThat(model.describe().classLabels()).containsExactly("0", "1");
      assertThat(model.predict(Fixtures.record(1, 2, 3)).probabilities().keySet())
          .containsExactly("0", "1");
    }
  }

  @Test
  void zipMapKeysAreUnknownUntilARunWithoutAClassProperty() {
    byte[] bytes = OnnxModels.softmaxRegression(FEATURES, List.of("10", "2", "7"),
        Fixtures.SOFTMAX_W, Fixtures.SOFTMAX_B, ProbabilityOutput.ZIP_MAP)
        .property(OnnxModels.CLASSES_PROPERTY, "").toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThat(model.describe().task()).isEqualTo(ModelTask.CLASSIFICATION);
      assertThat(model.describe().classLabels()).isEmpty();
    }
  }

  @Test
  void optionsClassesNameTheLabels() {
    OnnxModelOptions options = OnnxModelOptions.builder()
        .classes(List.of("cat", "dog", "bird")).build();
    byte[] bytes = OnnxModels.softmaxRegression(FEATURES, IRIS, Fixtures.SOFTMAX_W,
        Fixtures.SOFTMAX_B, ProbabilityOutput.TENSOR).toBytes();
    try (OnnxModel model = OnnxModel.fromBytes(bytes, options)) {
      assertThat(model.describe().classLabels()).containsExactly("cat", "dog", "bird");
    }
  }

  @Test
  void regressorHasNoLabels() {
    try (OnnxModel model = open(Fixtures.linear())) {
      ModelDescriptor d = model.describe();
      assertThat(d.task()).isEqualTo(ModelTask.REGRESSION);
      assertThat(d.classLabels()).isEmpty();
      assertThat(d.inputSpec()).contains(model.inputSpec());
    }
  }

  @Test
  void aLabelOnlyClassifierHasNoKnownLabels() {
    try (OnnxModel model = open(Fixtures.echoString())) {
      assertThat(model.describe().task()).isEqualTo(ModelTask.CLASSIFICATION);
      assertThat(model.describe().classLabels()).isEmpty();
    }
  }

  @Test
  void nothingDecodableIsUnknown() {
    byte[] bytes = OnnxModelWriter.graph("flags")
        .input("x", ElementType.FLOAT, "N", 1)
        .node("Cast", List.of("x"), List.of("flag"), OnnxModelWriter.Attribute.of("to", 9))
        .output("flag", ElementType.BOOL, "N", 1)
        .toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThat(model.describe().task()).isEqualTo(ModelTask.UNKNOWN);
    }
  }

  @Test
  void anUnmappedInputLeavesTheSpecOut() {
    byte[] bytes = OnnxModels
        .linearRegression(FEATURES, Fixtures.LINEAR_W, Fixtures.LINEAR_B)
        .property("mlops.features.X", "").toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThat(model.describe().task()).isEqualTo(ModelTask.REGRESSION);
      assertThat(model.describe().inputSpec()).isEmpty();
    }
  }

  @Test
  void aBatchingFrontPassesTheDescriptorThrough() {
    OnnxModel onnx = open(Fixtures.softmax(IRIS, ProbabilityOutput.ZIP_MAP));
    try (BatchingModel front = BatchingModel.wrap(onnx, BatchingConfig.defaults())) {
      assertThat(front.describe()).isEqualTo(onnx.describe());
    }
  }
}
