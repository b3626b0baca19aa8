package dev.mlops.cli.model;

import dev.mlops.data.FeatureSpec;
import dev.mlops.onnx.Dimension;
import dev.mlops.onnx.ModelMetadata;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.TensorInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders what {@code model inspect} shows, as text or as a JSON-ready tree of maps. */
final class ModelDescription {
  private ModelDescription() {}

  static Map<String, Object> toMap(OnnxModel model) {
    ModelMetadata md = model.metadata();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", model.name());
    out.put("version", model.version());
    out.put("producer", md.producerName());
    out.put("producerVersion", md.producerVersion());
    out.put("irVersion", md.irVersion());
    out.put("opsets", md.opsets());
    out.put("inputs", values(md.inputs()));
    out.put("outputs", values(md.outputs()));
    out.put("decoding", model.outputDecoding());
    out.put("classes", model.classes());
    out.put("features", model.featureMapping().inputs());
    List<Map<String, Object>> spec = new ArrayList<>();
    for (FeatureSpec f : model.inputSpec().features()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("type", f.type().name());
      m.put("required", f.required());
      spec.add(m);
    }
    out.put("derivedSpec", spec);
    out.put("properties", md.properties());
    return out;
  }

  private static List<Map<String, Object>> values(List<TensorInfo> infos) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TensorInfo t : infos) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("kind", t.kind().name());
      m.put("elementType", t.elementType().name());
      t.keyType().ifPresent(k -> m.put("keyType", k.name()));
      m.put("shape", t.shape().stream().map(ModelDescription::dimension).toList());
      m.put("type", t.typeText());
      out.add(m);
    }
    return out;
  }

  private static Object dimension(Dimension d) {
    return d.isFixed() ? (Object) d.size() : d.toString();
  }

  static void printText(OnnxModel model, PrintWriter out) {
    ModelMetadata md = model.metadata();
    out.printf(Locale.ROOT, "model     %s (%s)%n", model.name(), model.version());
    out.printf(Locale.ROOT, "producer  %s %s, IR version %d, opsets %s%n",
        md.producerName(), md.producerVersion(), md.irVersion(), md.opsets());
    out.println("inputs");
    md.inputs().forEach(t -> out.printf(Locale.ROOT, "  %-20s %s%n", t.name(), t.typeText()));
    out.println("outputs");
    md.outputs().forEach(t -> out.printf(Locale.ROOT, "  %-20s %s%n", t.name(), t.typeText()));
    out.printf(Locale.ROOT, "decoding  %s%n", model.outputDecoding());
    if (!model.classes().isEmpty()) {
      out.printf(Locale.ROOT, "classes   %s%n", model.classes());
    }
    model.featureMapping().inputs().forEach((input, features) ->
        out.printf(Locale.ROOT, "features  %s <- %s%n", input, features));
    out.printf(Locale.ROOT, "derived spec: %d features%n", model.inputSpec().features().size());
    for (FeatureSpec f : model.inputSpec().features()) {
      out.printf(Locale.ROOT, "  %-20s %s%s%n", f.name(), f.type(), f.required() ? ", required" : "");
    }
  }
}
