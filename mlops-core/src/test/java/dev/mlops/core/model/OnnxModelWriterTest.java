package dev.mlops.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire-format checks; ONNX Runtime runs the written models in mlops-onnx's tests. */
class OnnxModelWriterTest {

  @Test
  void varintsFollowTheProtobufEncoding() {
    // Examples from the protobuf encoding guide: 150 -> 96 01; int64 -1 takes ten bytes.
    assertThat(HexFormat.of().formatHex(new ProtoWriter().int64(1, 150).toByteArray()))
        .isEqualTo("089601");
    assertThat(HexFormat.of().formatHex(new ProtoWriter().int64(1, -1).toByteArray()))
        .isEqualTo("08ffffffffffffffffff01");
    assertThat(HexFormat.of().formatHex(new ProtoWriter().string(2, "testing").toByteArray()))
        .isEqualTo("120774657374696e67");
    assertThat(HexFormat.of().formatHex(new ProtoWriter().packedFloat(4, new float[] {1f})
        .toByteArray())).isEqualTo("22040000803f");
  }

  @Test
  void modelStartsWithIrVersionProducerAndDeclaresOpsets() {
    byte[] bytes = OnnxModels.linearRegression(List.of("a"), new double[] {2}, 1).toBytes();
    // field 1 (ir_version) = 7, then field 2 (producer_name) = "mlops-java".
    assertThat(HexFormat.of().formatHex(bytes, 0, 4)).isEqualTo("0807120a");
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("mlops-java", "Gemm", "mlops.features.X", "variable");
    byte[] zipMap = OnnxModels.logisticRegression(List.of("a"), List.of("no", "yes"),
        new double[] {1}, 0, ProbabilityOutput.ZIP_MAP).toBytes();
    assertThat(new String(zipMap, StandardCharsets.ISO_8859_1))
        .contains("ai.onnx.ml", "ZipMap", "classlabels_strings", "mlops.classes");
  }

  @Test
  void writesFilesAndIsRepeatable(@TempDir Path dir) throws Exception {
    OnnxModelWriter w = OnnxModels.mlpRegressor(List.of("a", "b"), List.of(
        new DenseLayer(new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0}),
        new DenseLayer(new double[][] {{1, -1}}, new double[] {0.5})));
    Path file = w.write(dir.resolve("sub/mlp.onnx"));
    assertThat(Files.readAllBytes(file)).isEqualTo(w.toBytes());
  }

  @Test
  void rejectsMismatchedWeightsWithTheirSizes() {
    assertThatThrownBy(() -> OnnxModels.linearRegression(List.of("a", "b"), new double[] {1}, 0))
        .hasMessage("the first layer has 1 inputs, expected one per feature: 2");
    assertThatThrownBy(() -> new DenseLayer(new double[][] {{1, 2}, {3}}, new double[] {0, 0}))
        .hasMessage("weight row 1 has 1 inputs, expected 2");
    assertThatThrownBy(() -> new DenseLayer(new double[][] {{1, 2}}, new double[] {0, 0}))
        .hasMessage("bias has 2 values, expected one per unit: 1");
    assertThatThrownBy(() -> OnnxModels.mlpRegressor(List.of("a"), List.of(
            new DenseLayer(new double[][] {{1}, {2}}, new double[] {0, 0}),
            new DenseLayer(new double[][] {{1, 2, 3}}, new double[] {0}))))
        .hasMessage("layer 1 has 3 inputs, expected 2 (the units of layer 0)");
    assertThatThrownBy(() -> OnnxModels.softmaxRegression(List.of("a"), List.of("x", "y"),
            new double[][] {{1}, {2}, {3}}, new double[] {0, 0, 0}, ProbabilityOutput.TENSOR))
        .hasMessage("the last layer has 3 units, expected one per class: [x, y]");
    assertThatThrownBy(() -> OnnxModels.linearRegression(List.of("a,b"), new double[] {1}, 0))
        .hasMessage("feature name must be non-empty and free of commas, was 'a,b'");
    assertThatThrownBy(() -> OnnxModelWriter.graph("g").initializer("w", new long[] {2, 2},
            new float[] {1, 2, 3}))
        .hasMessage("initializer 'w' has 3 values, expected 4 for shape [2, 2]");
    assertThatThrownBy(() -> OnnxModelWriter.graph("g").input("x", ElementType.FLOAT, 1.5f, List.of()))
        .hasMessageContaining("a dimension is a Number or a symbolic String");
  }
}
