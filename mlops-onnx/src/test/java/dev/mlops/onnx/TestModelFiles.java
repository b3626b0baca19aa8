package dev.mlops.onnx;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import java.nio.file.Path;

/**
 * Generates the committed test model {@code src/test/resources/dev/mlops/onnx/
 * logistic_regression.onnx}: binary logistic regression over features a, b, c with ZipMap
 * probabilities. Regenerate with {@code java} on the test class path, passing the module folder:
 * {@code TestModelFiles mlops-onnx}. {@code OnnxModelTest} checks the file equals this output.
 */
final class TestModelFiles {
  private TestModelFiles() {}

  static byte[] logisticRegression() {
    return OnnxModels.logisticRegression(Fixtures.FEATURES, Fixtures.BINARY_CLASSES,
        Fixtures.LINEAR_W, Fixtures.LINEAR_B, ProbabilityOutput.ZIP_MAP).toBytes();
  }

  public static void main(String[] args) {
    Path module = Path.of(args.length > 0 ? args[0] : ".");
    Path file = module.resolve("src/test/resources/dev/mlops/onnx/logistic_regression.onnx");
    OnnxModels.logisticRegression(Fixtures.FEATURES, Fixtures.BINARY_CLASSES,
        Fixtures.LINEAR_W, Fixtures.LINEAR_B, ProbabilityOutput.ZIP_MAP).write(file);
    System.out.println("wrote " + file.toAbsolutePath());
  }
}
