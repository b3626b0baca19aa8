package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.features.FittedColumn;
import dev.mlops.core.features.FittedPipeline;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.data.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a pipeline's transform-only ONNX model and compares it with the Java pipeline. */
final class PipelineFeatures {
  /** Float tolerance: ONNX Runtime's float ln may differ from Java's in the last bits. */
  static final double TOLERANCE = 1e-5;

  private PipelineFeatures() {}

  static void assertAgree(FittedPipeline pipeline, List<Record> rows) {
    float[] onnx = run(pipeline, rows);
    int width = pipeline.outputNames().size();
    for (int r = 0; r < rows.size(); r++) {
      double[] java = pipeline.apply(rows.get(r));
      for (int j = 0; j < width; j++) {
        assertThat((double) onnx[r * width + j])
            .as("row %d feature %s", r, pipeline.outputNames().get(j))
            .isCloseTo(java[j], within(TOLERANCE * Math.max(1, Math.abs(java[j]))));
      }
    }
  }

  static float[] run(FittedPipeline pipeline, List<Record> rows) {
    byte[] bytes = OnnxModels.featurePipeline(pipeline).toBytes();
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    long[] shape = {rows.size(), 1};
    for (FittedColumn c : pipeline.columns()) {
      if (c.categorical()) {
        String[] values = new String[rows.size()];
        for (int r = 0; r < values.length; r++) {
          String v = rows.get(r).getString(c.name());
          values[r] = v == null ? "" : v;
        }
        inputs.put(c.name(), Tensor.ofStrings(shape, values));
      } else {
        float[] values = new float[rows.size()];
        for (int r = 0; r < values.length; r++) {
          values[r] = (float) rows.get(r).getDouble(c.name());
        }
        inputs.put(c.name(), Tensor.ofFloats(shape, values));
      }
    }
    try (OnnxModel model = OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults())) {
      return model.run(inputs).get(OnnxModels.FEATURES_OUTPUT).floats();
    }
  }
}
