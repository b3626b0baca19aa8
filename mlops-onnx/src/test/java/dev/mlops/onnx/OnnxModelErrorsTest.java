package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input the issue lists, each with its message and failure kind. */
class OnnxModelErrorsTest {

  private static Consumer<Throwable> kind(FailureKind expected) {
    return e -> assertThat(((ModelInferenceException) e).kind()).isEqualTo(expected);
  }

  private static OnnxModel open(byte[] bytes) {
    return OnnxModel.fromBytes(bytes, OnnxModelOptions.builder().name("m").build());
  }

  @Test
  void emptyModelFile(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("empty.onnx"), new byte[0]);
    assertThatThrownBy(() -> OnnxModel.load(file))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("model 'empty'")
        .hasMessageContaining("is empty")
        .hasMessageContaining("expected an ONNX ModelProto, actual 0 bytes")
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void missingModelFile(@TempDir Path dir) {
    assertThatThrownBy(() -> OnnxModel.load(dir.resolve("nope.onnx")))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("nope.onnx")
        .hasMessageContaining("actual no such file")
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void corruptModelFileKeepsTheOrtExceptionAsCause(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("corrupt.onnx"), "this is not protobuf".getBytes());
    assertThatThrownBy(() -> OnnxModel.load(file))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("model 'corrupt'")
        .hasMessageContaining("ONNX Runtime cannot load")
        .hasMessageContaining("expected a valid ONNX model, actual 20 bytes")
        .hasCauseInstanceOf(OrtException.class)
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void truncatedModelFile() {
    byte[] full = Fixtures.linear();
    byte[] truncated = java.util.Arrays.copyOf(full, full.length / 2);
    assertThatThrownBy(() -> open(truncated))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("ONNX Runtime cannot load")
        .hasCauseInstanceOf(OrtException.class)
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void unsupportedInputType() {
    assertThatThrownBy(() -> open(Fixtures.uint8Input()))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("input 'pixels'")
        .hasMessageContaining("unsupported type")
        .hasMessageContaining("actual tensor(uint8)[N, 4]")
        .hasMessageContaining("FLOAT")
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void missingFeature() {
    try (OnnxModel model = open(Fixtures.linear())) {
      Record lacksC = Record.of(Map.of("a", 1.0, "b", 2.0));
      assertThatThrownBy(() -> model.predict(lacksC))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("model 'm', input 'c'")
          .hasMessageContaining("lacks a feature")
          .hasMessageContaining("expected feature 'c' for input 'X'")
          .satisfies(e -> assertThat(((ModelInferenceException) e).inputName()).isEqualTo("c"))
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
  }

  @Test
  void nanAndMissingValues() {
    try (OnnxModel model = open(Fixtures.linear())) {
      assertThatThrownBy(() -> model.predictBatch(
              List.of(Fixtures.record(1, 2, 3), Fixtures.record(1, Double.NaN, 3))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("feature 'b' of row 1 is missing or NaN")
          .hasMessageContaining("expected a number for input 'X', actual NaN")
          .satisfies(kind(FailureKind.INVALID_INPUT));
      Map<String, Object> withNull = new HashMap<>(Map.of("a", 1.0, "b", 2.0));
      withNull.put("c", null);
      assertThatThrownBy(() -> model.predict(Record.of(withNull)))
          .hasMessageContaining("feature 'c' of row 0 is missing or NaN")
          .hasMessageContaining("actual missing")
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
  }

  @Test
  void nanIsPassedWhenAllowed() {
    OnnxModelOptions options = OnnxModelOptions.builder().allowMissing(true).build();
    try (OnnxModel model = OnnxModel.fromBytes(Fixtures.linear(), options)) {
      assertThat(model.predict(Fixtures.record(1, Double.NaN, 3)).score().getAsDouble()).isNaN();
      assertThat(model.inputSpec().features().get(0).required()).isFalse();
    }
  }

  @Test
  void wrongValueType() {
    try (OnnxModel model = open(Fixtures.linear())) {
      assertThatThrownBy(() -> model.predict(Record.of(Map.of("a", 1.0, "b", "high", "c", 3.0))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("feature 'b' of row 0 has the wrong type")
          .hasMessageContaining("expected FLOAT for input 'X', actual String 'high'")
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
  }

  /** Issue 12 item 5: out-of-range values are errors naming feature, value and type. */
  @Test
  void valuesOutsideTheInputTypeAreErrorsNotInfinityOrClamping() {
    try (OnnxModel floats = open(Fixtures.linear());
        OnnxModel longs = open(Fixtures.int64Increment());
        OnnxModel ints = open(Fixtures.int32Widen())) {
      assertThatThrownBy(() -> floats.predict(Record.of(Map.of("a", 1e39, "b", 1.0, "c", 1.0))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("feature 'a' of row 0 is out of range for FLOAT")
          .hasMessageContaining("actual 1.0E39")
          .extracting(e -> ((ModelInferenceException) e).kind())
          .isEqualTo(dev.mlops.FailureKind.INVALID_INPUT);
      assertThatThrownBy(() -> floats.predict(Record.of(Map.of("a", "1e309", "b", 1.0, "c", 1.0))))
          .hasMessageContaining("feature 'a' of row 0 is out of range for FLOAT")
          .hasMessageContaining("actual 1e309");
      assertThatThrownBy(() -> longs.predict(Record.of(Map.of("count", 1e19))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("feature 'count' of row 0 is out of range for INT64")
          .hasMessageContaining("actual 1.0E19");
      assertThatThrownBy(() -> longs.predict(Record.of(Map.of("count", "9223372036854775808"))))
          .hasMessageContaining("out of range for INT64");
      assertThatThrownBy(() -> ints.predict(Record.of(Map.of("count", 3000000000.0))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("feature 'count' of row 0 is out of range for INT32")
          .hasMessageContaining("[-2147483648, 2147483647]")
          .hasMessageContaining("actual 3.0E9");
      assertThat(ints.predict(Record.of(Map.of("count", 2147483647L))).label())
          .contains("2147483647");
    }
  }

  /** Text for numeric inputs is parsed exactly; a string input gets the text as it is. */
  @Test
  void textValuesAreParsedExactlyForNumbersAndKeptForStrings() {
    try (OnnxModel longs = open(Fixtures.int64Increment());
        OnnxModel echo = open(Fixtures.echoString())) {
      assertThat(longs.predict(Record.of(Map.of("count", "9007199254740993"))).label())
          .contains("9007199254740994");
      assertThat(echo.predict(Record.of(Map.of("word", "00501"))).label()).contains("00501");
      assertThat(echo.predict(Record.of(Map.of("word", 94110.0))).label()).contains("94110");
      assertThatThrownBy(() -> longs.predict(Record.of(Map.of("count", "1.5"))))
          .hasMessageContaining("feature 'count' of row 0 is not a whole number");
    }
  }

  @Test
  void wrongLengthFeatureMapping() {
    OnnxModelOptions options = OnnxModelOptions.builder().name("m")
        .features(FeatureMapping.of("X", List.of("a", "b"))).build();
    assertThatThrownBy(() -> OnnxModel.fromBytes(Fixtures.linear(), options))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("input 'X'")
        .hasMessageContaining("expected [N, 3], actual 2 features [a, b]")
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void wrongLengthRawTensor() {
    try (OnnxModel model = open(Fixtures.linear())) {
      assertThatThrownBy(() -> model.run(Map.of("X", Tensor.ofFloats(new long[] {1, 2}, 1, 2))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("input 'X'")
          .hasMessageContaining("shape does not match")
          .hasMessageContaining("expected [N, 3], actual [1, 2]")
          .satisfies(kind(FailureKind.INVALID_INPUT));
      assertThatThrownBy(() -> model.run(Map.of("X", Tensor.ofDoubles(new long[] {1, 3}, 1, 2, 3))))
          .hasMessageContaining("expected tensor(float)[N, 3], actual tensor(double)[1, 3]")
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
  }

  @Test
  void wrongInputName() {
    try (OnnxModel model = open(Fixtures.linear())) {
      assertThatThrownBy(() -> model.run(Map.of("x", Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3))))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("input 'x'")
          .hasMessageContaining("no input of that name")
          .hasMessageContaining("expected one of the inputs [X], actual 'x'")
          .satisfies(kind(FailureKind.INVALID_INPUT));
      assertThatThrownBy(() -> model.run(Map.of()))
          .hasMessageContaining("an input the model needs was not given")
          .satisfies(kind(FailureKind.INVALID_INPUT));
      assertThatThrownBy(() -> model.run(
              Map.of("X", Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3)), Set.of("y")))
          .hasMessageContaining("no output of that name")
          .hasMessageContaining("expected one of the outputs [variable], actual 'y'")
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
    OnnxModelOptions options = OnnxModelOptions.builder().name("m")
        .features(FeatureMapping.of("input", List.of("a", "b", "c"))).build();
    assertThatThrownBy(() -> OnnxModel.fromBytes(Fixtures.linear(), options))
        .hasMessageContaining("input 'input'")
        .hasMessageContaining("names an input the model does not have")
        .hasMessageContaining("expected one of the inputs [X]")
        .satisfies(kind(FailureKind.ENGINE));
  }

  @Test
  void sequenceOutputIsNotRawReadable() {
    try (OnnxModel model = open(Fixtures.logistic(ProbabilityOutput.ZIP_MAP))) {
      assertThatThrownBy(() -> model.run(
              Map.of("X", Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3)), Set.of("probabilities")))
          .hasMessageContaining("raw access cannot return this output")
          .hasMessageContaining("actual seq(map(string, float))")
          .satisfies(kind(FailureKind.INVALID_INPUT));
    }
  }

  @Test
  void callAfterClose() {
    OnnxModel model = open(Fixtures.linear());
    model.close();
    assertThatThrownBy(() -> model.predict(Fixtures.record(1, 2, 3)))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessage("model 'm': the model was closed (expected an open model, actual closed)")
        .satisfies(kind(FailureKind.CLOSED));
    assertThatThrownBy(() -> model.run(Map.of("X", Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3))))
        .hasMessageContaining("the model was closed")
        .satisfies(kind(FailureKind.CLOSED));
  }

  @Test
  void unmappedMatrixInputNamesTheFix() {
    byte[] bytes = dev.mlops.core.model.OnnxModels
        .linearRegression(Fixtures.FEATURES, Fixtures.LINEAR_W, Fixtures.LINEAR_B)
        .property("mlops.features.X", "").toBytes();
    try (OnnxModel model = open(bytes)) {
      assertThatThrownBy(() -> model.predict(Fixtures.record(1, 2, 3)))
          .hasMessageContaining("input 'X'")
          .hasMessageContaining("does not name the features")
          .hasMessageContaining("OnnxModelOptions.features")
          .satisfies(kind(FailureKind.ENGINE));
    }
  }

  @Test
  void cudaUnavailableFailsClearlyUnlessFallbackAsked() {
    OnnxModelOptions cuda = OnnxModelOptions.builder().name("m")
        .executionProvider(ExecutionProvider.CUDA).build();
    assertThatThrownBy(() -> OnnxModel.fromBytes(Fixtures.linear(), cuda))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("expected execution provider CUDA, actual available providers [CPU")
        .hasMessageContaining("onnxruntime_gpu")
        .satisfies(kind(FailureKind.ENGINE));
    try (OnnxModel model = OnnxModel.fromBytes(Fixtures.linear(),
        cuda.toBuilder().fallbackToCpu(true).build())) {
      assertThat(model.executionProvider()).isEqualTo(ExecutionProvider.CPU);
    }
  }

  @Test
  void timeoutTerminatesTheRunAndKeepsTheCause() {
    // The scheduler fires at once, so the run starts with its terminate flag already set.
    Timeouts immediate = (timeout, terminate) -> {
      terminate.run();
      return () -> { };
    };
    OnnxModelOptions options = OnnxModelOptions.builder().timeout(Duration.ofMillis(5)).build();
    try (OnnxModel model = OnnxModel.create("<bytes>", "slow", Fixtures.linear(), options, immediate)) {
      assertThatThrownBy(() -> model.predict(Fixtures.record(1, 2, 3)))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("model 'slow': the run exceeded its timeout")
          .hasMessageContaining("expected a run within PT0.005S, actual terminated at the timeout")
          .hasCauseInstanceOf(OrtException.class)
          .satisfies(kind(FailureKind.TIMEOUT));
    }
    Timeouts never = (timeout, terminate) -> () -> { };
    try (OnnxModel model = OnnxModel.create("<bytes>", "fast", Fixtures.linear(), options, never)) {
      assertThat(model.predict(Fixtures.record(1, 2, 3)).score()).isPresent();
    }
  }

  @Test
  void missingClassPathResource() {
    assertThatThrownBy(() -> OnnxModel.fromResource("/no/such.onnx", OnnxModelOptions.defaults()))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("model '/no/such.onnx'")
        .hasMessageContaining("expected a class-path resource, actual not found")
        .satisfies(kind(FailureKind.ENGINE));
  }
}
