package dev.mlops.core.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.JacksonSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The versioned JSON form of a declared (unfitted) {@link FeaturePipeline}. Stateless. */
final class StepJson {
  static final String FORMAT = "mlops.feature-pipeline-spec";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JacksonSupport.checked(
      () -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  private StepJson() {}

  static String write(FeaturePipeline pipeline) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode columns = root.putArray("columns");
    pipeline.columns().forEach((name, steps) -> {
      ObjectNode c = columns.addObject();
      c.put("name", name);
      ArrayNode list = c.putArray("steps");
      steps.forEach(s -> list.add(step(s)));
    });
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  private static ObjectNode step(FeatureStep s) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    if (s instanceof FeatureStep.Impute i) {
      n.put("step", "impute").put("strategy", i.strategy().name());
      i.constant().ifPresent(c -> n.put("constant", c));
    } else if (s instanceof FeatureStep.Scale sc) {
      n.put("step", "scale").put("kind", sc.kind().name());
    } else if (s instanceof FeatureStep.OneHot o) {
      n.put("step", "oneHot").put("unknown", o.unknown().name());
    } else if (s instanceof FeatureStep.Ordinal o) {
      n.put("step", "ordinal").put("unknown", o.unknown().name());
    } else if (s instanceof FeatureStep.Bucketize b) {
      n.put("step", "bucketize").put("quantiles", b.quantiles());
      ArrayNode bounds = n.putArray("boundaries");
      b.boundaries().forEach(bounds::add);
    } else if (s instanceof FeatureStep.Log1p) {
      n.put("step", "log1p");
    } else if (s instanceof FeatureStep.Clip c) {
      n.put("step", "clip").put("min", c.min()).put("max", c.max());
    } else if (s instanceof FeatureStep.Binarize b) {
      n.put("step", "binarize").put("threshold", b.threshold());
    }
    return n;
  }

  static FeaturePipeline read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DataFormatException(source, 0, 0, null, "malformed JSON: " + e.getOriginalMessage(),
          e);
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw error(source, "format", "expected \"" + FORMAT + "\", was " + root.get("format"));
    }
    int version = root.path("version").asInt(0);
    if (version < 1 || version > VERSION) {
      throw error(source, "version", "this release reads version 1 to " + VERSION + ", was "
          + root.get("version"));
    }
    Map<String, List<FeatureStep>> columns = new LinkedHashMap<>();
    JsonNode list = root.path("columns");
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      List<FeatureStep> steps = new ArrayList<>();
      JsonNode s = c.path("steps");
      for (int k = 0; k < s.size(); k++) {
        String path = "columns[" + i + "].steps[" + k + "]";
        try {
          steps.add(step(s.get(k), path, source));
        } catch (IllegalArgumentException e) {
          throw error(source, path, String.valueOf(e.getMessage()));
        }
      }
      columns.put(c.path("name").asText(), steps);
    }
    try {
      return new FeaturePipeline(columns);
    } catch (IllegalArgumentException e) {
      throw error(source, "columns", e.getMessage());
    }
  }

  private static FeatureStep step(JsonNode n, String path, String source) {
    String kind = n.path("step").asText();
    return switch (kind) {
      case "impute" -> new FeatureStep.Impute(
          ImputeStrategy.valueOf(n.path("strategy").asText()),
          n.has("constant") ? java.util.Optional.of(n.get("constant").asText())
              : java.util.Optional.empty());
      case "scale" -> new FeatureStep.Scale(ScaleKind.valueOf(n.path("kind").asText()));
      case "oneHot" -> new FeatureStep.OneHot(UnknownPolicy.valueOf(n.path("unknown").asText()));
      case "ordinal" -> new FeatureStep.Ordinal(UnknownPolicy.valueOf(n.path("unknown").asText()));
      case "bucketize" -> {
        List<Double> bounds = new ArrayList<>();
        n.path("boundaries").forEach(b -> bounds.add(b.asDouble()));
        yield new FeatureStep.Bucketize(n.path("quantiles").asInt(), bounds);
      }
      case "log1p" -> new FeatureStep.Log1p();
      case "clip" -> new FeatureStep.Clip(n.path("min").asDouble(Double.NaN),
          n.path("max").asDouble(Double.NaN));
      case "binarize" -> new FeatureStep.Binarize(n.path("threshold").asDouble(Double.NaN));
      default -> throw error(source, path + ".step", "unknown step '" + kind + "'");
    };
  }

  private static DataFormatException error(String source, String field, String problem) {
    return new DataFormatException(source, 0, 0, field,
        "feature pipeline spec field " + field + ": " + problem);
  }
}
