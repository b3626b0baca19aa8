package dev.mlops.core.model;

import dev.mlops.core.features.FittedColumn;
import dev.mlops.core.features.FittedOp;
import dev.mlops.core.features.FittedPipeline;
import dev.mlops.core.model.OnnxModelWriter.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a fitted feature pipeline as ONNX nodes that turn one raw input per column ({@code [N,
 * 1]} float, or string for categorical columns) into the float matrix {@value OnnxModels#INPUT}
 * the model reads. ONNX-ML operators where one exists (Imputer, Scaler, Binarizer,
 * LabelEncoder), default-domain operators otherwise (Add+Log, Clip, GreaterOrEqual+Cast+ReduceSum
 * for buckets, Equal+Cast for one-hot columns, Concat). A missing category arrives as the empty
 * string. Stateless.
 */
final class PipelineGraph {
  /** Version of the ai.onnx.ml operator set needed: 2 (LabelEncoder's keys/values form). */
  static final long ML_OPSET = 2;
  /** The value a missing category takes in a string input: the empty string. */
  static final String MISSING_CATEGORY = "";

  private static final String ML = OnnxModelWriter.ML_DOMAIN;

  private PipelineGraph() {}

  /** Declares the raw inputs and emits the nodes producing {@code output}. */
  static void emit(OnnxModelWriter w, FittedPipeline pipeline, String output) {
    w.opset(ML, ML_OPSET);
    List<String> parts = new ArrayList<>();
    int index = 0;
    for (FittedColumn c : pipeline.columns()) {
      String prefix = "pipeline/" + index++ + "/";
      parts.add(c.categorical() ? categorical(w, c, prefix) : numeric(w, c, prefix));
    }
    if (parts.size() == 1) {
      w.node("Identity", parts, List.of(output));
    } else {
      w.node("Concat", parts, List.of(output), Attribute.of("axis", 1));
    }
  }

  private static String numeric(OnnxModelWriter w, FittedColumn c, String prefix) {
    w.input(c.name(), ElementType.FLOAT, OnnxModels.BATCH_DIMENSION, 1);
    String current = c.name();
    for (int i = 0; i < c.ops().size(); i++) {
      FittedOp op = c.ops().get(i);
      String p = prefix + i + "/";
      String out = p + "out";
      if (op instanceof FittedOp.Fill f) {
        w.node(ML, "Imputer", List.of(current), List.of(out),
            Attribute.ofFloats("imputed_value_floats", f.value()),
            Attribute.of("replaced_value_float", Float.NaN));
      } else if (op instanceof FittedOp.Affine a) {
        w.node(ML, "Scaler", List.of(current), List.of(out),
            Attribute.ofFloats("offset", a.offset()), Attribute.ofFloats("scale", a.scale()));
      } else if (op instanceof FittedOp.Buckets b) {
        float[] bounds = new float[b.boundaries().size()];
        for (int k = 0; k < bounds.length; k++) {
          bounds[k] = b.boundaries().get(k);
        }
        w.initializer(p + "boundaries", new long[] {bounds.length}, bounds);
        w.initializer(p + "axes", new long[] {1}, new long[] {1});
        w.node("GreaterOrEqual", List.of(current, p + "boundaries"), List.of(p + "reached"));
        w.node("Cast", List.of(p + "reached"), List.of(p + "reached_float"),
            Attribute.of("to", (long) ElementType.FLOAT.code()));
        w.node("ReduceSum", List.of(p + "reached_float", p + "axes"), List.of(out),
            Attribute.of("keepdims", 1));
      } else if (op instanceof FittedOp.Log1p) {
        w.initializer(p + "one", new long[] {1}, new float[] {1f});
        w.node("Add", List.of(current, p + "one"), List.of(p + "plus_one"));
        w.node("Log", List.of(p + "plus_one"), List.of(out));
      } else if (op instanceof FittedOp.Clip cl) {
        w.initializer(p + "min", new long[] {}, new float[] {cl.min()});
        w.initializer(p + "max", new long[] {}, new float[] {cl.max()});
        w.node("Clip", List.of(current, p + "min", p + "max"), List.of(out));
      } else if (op instanceof FittedOp.Binarize b) {
        w.node(ML, "Binarizer", List.of(current), List.of(out),
            Attribute.of("threshold", b.threshold()));
      } else {
        throw new IllegalStateException("a numeric column cannot hold " + op);
      }
      current = out;
    }
    return current;
  }

  private static String categorical(OnnxModelWriter w, FittedColumn c, String prefix) {
    w.input(c.name(), ElementType.STRING, OnnxModels.BATCH_DIMENSION, 1);
    FittedOp.Encode e = c.encoder();
    List<String> keys = new ArrayList<>(e.categories());
    List<Long> values = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      values.add((long) k);
    }
    e.fill().ifPresent(f -> {
      keys.add(MISSING_CATEGORY);
      values.add((long) e.categories().indexOf(f));
    });
    String codes = prefix + "codes";
    w.node(ML, "LabelEncoder", List.of(c.name()), List.of(codes),
        Attribute.ofStrings("keys_strings", keys),
        Attribute.ofInts("values_int64s", values.stream().mapToLong(Long::longValue).toArray()),
        Attribute.of("default_int64", (long) e.unknownCode()));
    String out = prefix + "out";
    if (!e.oneHot()) {
      w.node("Cast", List.of(codes), List.of(out), Attribute.of("to", (long) ElementType.FLOAT.code()));
      return out;
    }
    long[] positions = new long[e.width()];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = k;
    }
    w.initializer(prefix + "positions", new long[] {positions.length}, positions);
    w.node("Equal", List.of(codes, prefix + "positions"), List.of(prefix + "hot"));
    w.node("Cast", List.of(prefix + "hot"), List.of(out), Attribute.of("to", (long) ElementType.FLOAT.code()));
    return out;
  }
}
