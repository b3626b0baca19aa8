package dev.mlops.testkit.onnx;

import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.testkit.model.ModelContractTest;
import java.util.List;
import java.util.Map;

/** The ONNX adapter keeps the model contract: dogfooding the kit on the SDK's real model. */
class OnnxModelContractTest extends ModelContractTest {
  @Override
  protected Model model() {
    return TestOnnxModels.softmax(List.of("a", "b"), List.of("x", "y", "z"),
        new double[][] {{1, 0}, {0, 1}, {-1, -1}}, new double[] {0, 0, 0});
  }

  @Override
  protected List<Record> validRecords() {
    return List.of(Record.of(Map.of("a", 0.5, "b", -1.0)), Record.of(Map.of("a", 2.0, "b", 2.0)),
        Record.of(Map.of("a", -3.0, "b", 0.25)));
  }
}
