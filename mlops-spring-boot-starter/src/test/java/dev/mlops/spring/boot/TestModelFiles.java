package dev.mlops.spring.boot;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.model.PredictionRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes real ONNX models for the starter's tests: binary logistic regressions over f0 and f1. */
final class TestModelFiles {
  static final List<String> FEATURES = List.of("f0", "f1");
  static final List<String> CLASSES = List.of("no", "yes");

  private TestModelFiles() {}

  /** Writes {@code P(yes) = sigmoid(w0 f0 + w1 f1 + bias)} to {@code dir/name.onnx}. */
  static Path logistic(Path dir, String name, double w0, double w1, double bias) {
    return OnnxModels.logisticRegression(FEATURES, CLASSES, new double[] {w0, w1}, bias,
        ProbabilityOutput.TENSOR).write(dir.resolve(name + ".onnx"));
  }

  /** Writes bytes that are not an ONNX model. */
  static Path corrupt(Path dir, String name) {
    try {
      return Files.write(dir.resolve(name + ".onnx"), "not a model at all".getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PredictionRequest request(String id, String routingKey, double f0, double f1) {
    return PredictionRequest.builder(Record.of(Map.of("f0", f0, "f1", f1)))
        .requestId(id).routingKey(routingKey).build();
  }
}
