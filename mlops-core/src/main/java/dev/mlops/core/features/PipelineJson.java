package dev.mlops.core.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.data.FeatureType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned JSON form of a {@link FittedPipeline}. Floats are written as the exact double of
 * the float, so reading gives the same bits back. Stateless and thread-safe.
 */
final class PipelineJson {
  /** Value of the {@code format} field. */
  static final String FORMAT = "mlops.feature-pipeline";
  /** Version written by this release. */
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JacksonSupport.checked(
      () -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PipelineJson() {}

  static String write(FittedPipeline pipeline) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode columns = root.putArray("columns");
    for (FittedColumn c : pipeline.columns()) {
      ObjectNode col = columns.addObject();
      col.put("name", c.name());
      col.put("type", c.type().name());
      if (!c.categorical()) {
        number(col, "min", c.min());
        number(col, "max", c.max());
      }
      ArrayNode ops = col.putArray("ops");
      c.ops().forEach(op -> ops.add(op(op)));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  static Path write(FittedPipeline pipeline, Path file) {
    try {
      AtomicFiles.writeString(file, write(pipeline));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature pipeline: " + e.getMessage(), e);
    }
  }

  private static ObjectNode op(FittedOp op) {
    ObjectNode n = NODES.objectNode();
    if (op instanceof FittedOp.Fill f) {
      n.put("op", "fill");
      number(n, "value", f.value());
    } else if (op instanceof FittedOp.Affine a) {
      n.put("op", "affine");
      number(n, "offset", a.offset());
      number(n, "scale", a.scale());
    } else if (op instanceof FittedOp.Buckets b) {
      n.put("op", "buckets");
      ArrayNode bounds = n.putArray("boundaries");
      b.boundaries().forEach(x -> bounds.add((double) x));
    } else if (op instanceof FittedOp.Log1p) {
      n.put("op", "log1p");
    } else if (op instanceof FittedOp.Clip c) {
      n.put("op", "clip");
      number(n, "min", c.min());
      number(n, "max", c.max());
    } else if (op instanceof FittedOp.Binarize b) {
      n.put("op", "binarize");
      number(n, "threshold", b.threshold());
    } else if (op instanceof FittedOp.Encode e) {
      n.put("op", e.oneHot() ? "oneHot" : "ordinal");
      ArrayNode cats = n.putArray("categories");
      e.categories().forEach(cats::add);
      e.fill().ifPresent(f -> n.put("fill", f));
      n.put("unknown", e.unknown().name());
    }
    n.put("step", op.step());
    return n;
  }

  /** Writes a finite value as a JSON number, ±Infinity and NaN as text (JSON has no such numbers). */
  private static void number(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) {
      n.put(field, v);
    } else {
      n.put(field, Double.toString(v));
    }
  }

  static Map<String, String> params(FittedPipeline pipeline) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FittedColumn c : pipeline.columns()) {
      for (int i = 0; i < c.ops().size(); i++) {
        ObjectNode n = op(c.ops().get(i));
        String prefix = "features." + c.name() + "." + (i + 1) + ".";
        n.properties().forEach(e -> out.put(prefix + e.getKey(),
            e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      }
      if (c.ops().isEmpty()) {
        out.put("features." + c.name(), "passthrough");
      }
    }
    return out;
  }

  static FittedPipeline read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), 0, 0, null,
          "cannot read the feature pipeline: " + AtomicFiles.reason(e), e);
    }
    return read(text, file.toString());
  }

  static FittedPipeline read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new DataFormatException(source, Math.max(line, 0), Math.max(col, 0), null,
          "malformed JSON: " + e.getOriginalMessage(), e);
    }
    return new Reader(source).pipeline(root);
  }

  /** Reads one document, naming the field of any problem. */
  private record Reader(String source) {
    FittedPipeline pipeline(JsonNode root) {
      if (!FORMAT.equals(text(root, "format", "format"))) {
        throw error("format", "expected \"" + FORMAT + "\", was " + root.get("format"));
      }
      JsonNode version = root.get("version");
      if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
        throw error("version", "expected a positive integer, was " + version);
      }
      if (version.asInt() > VERSION) {
        throw error("version", "version " + version.asInt() + " is newer than this release reads ("
            + VERSION + ")");
      }
      JsonNode columns = root.get("columns");
      if (columns == null || !columns.isArray()) {
        throw error("columns", "expected an array");
      }
      List<FittedColumn> out = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        out.add(column(columns.get(i), "columns[" + i + "]"));
      }
      try {
        return new FittedPipeline(out);
      } catch (IllegalArgumentException e) {
        throw error("columns", e.getMessage());
      }
    }

    private FittedColumn column(JsonNode n, String path) {
      String name = text(n, "name", path + ".name");
      FeatureType type;
      try {
        type = FeatureType.valueOf(text(n, "type", path + ".type"));
      } catch (IllegalArgumentException e) {
        throw error(path + ".type", "unknown type " + n.get("type"));
      }
      boolean categorical = type == FeatureType.CATEGORICAL;
      double min = categorical ? Double.NaN : number(n, "min", path + ".min");
      double max = categorical ? Double.NaN : number(n, "max", path + ".max");
      JsonNode ops = n.get("ops");
      if (ops == null || !ops.isArray()) {
        throw error(path + ".ops", "expected an array");
      }
      List<FittedOp> list = new ArrayList<>();
      for (int i = 0; i < ops.size(); i++) {
        list.add(op(ops.get(i), path + ".ops[" + i + "]"));
      }
      try {
        return new FittedColumn(name, type, list, min, max);
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    private FittedOp op(JsonNode n, String path) {
      String kind = text(n, "op", path + ".op");
      String step = text(n, "step", path + ".step");
      try {
        return switch (kind) {
          case "fill" -> new FittedOp.Fill(f(n, "value", path), step);
          case "affine" -> new FittedOp.Affine(f(n, "offset", path), f(n, "scale", path), step);
          case "buckets" -> new FittedOp.Buckets(boundaries(n, path), step);
          case "log1p" -> new FittedOp.Log1p(step);
          case "clip" -> new FittedOp.Clip(f(n, "min", path), f(n, "max", path), step);
          case "binarize" -> new FittedOp.Binarize(f(n, "threshold", path), step);
          case "oneHot", "ordinal" -> encode(n, path, kind.equals("oneHot"), step);
          default -> throw error(path + ".op", "unknown operation '" + kind + "'");
        };
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    private FittedOp.Encode encode(JsonNode n, String path, boolean oneHot, String step) {
      JsonNode cats = n.get("categories");
      if (cats == null || !cats.isArray()) {
        throw error(path + ".categories", "expected an array of strings");
      }
      List<String> categories = new ArrayList<>();
      cats.forEach(c -> categories.add(c.asText()));
      Optional<String> fill = n.has("fill")
          ? Optional.of(text(n, "fill", path + ".fill")) : Optional.empty();
      UnknownPolicy unknown;
      try {
        unknown = UnknownPolicy.valueOf(text(n, "unknown", path + ".unknown"));
      } catch (IllegalArgumentException e) {
        throw error(path + ".unknown", "unknown policy " + n.get("unknown"));
      }
      return new FittedOp.Encode(categories, fill, oneHot, unknown, step);
    }

    private List<Float> boundaries(JsonNode n, String path) {
      JsonNode b = n.get("boundaries");
      if (b == null || !b.isArray()) {
        throw error(path + ".boundaries", "expected an array of numbers");
      }
      List<Float> out = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        if (!b.get(i).isNumber()) {
          throw error(path + ".boundaries[" + i + "]", "expected a number, was " + b.get(i));
        }
        out.add((float) b.get(i).asDouble());
      }
      return out;
    }

    private float f(JsonNode n, String field, String path) {
      return (float) number(n, field, path + "." + field);
    }

    private double number(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      if (v != null && v.isNumber()) {
        return v.asDouble();
      }
      if (v != null && v.isTextual()) {
        switch (v.asText()) {
          case "Infinity": return Double.POSITIVE_INFINITY;
          case "-Infinity": return Double.NEGATIVE_INFINITY;
          case "NaN": return Double.NaN;
          default: break;
        }
      }
      throw error(path, "expected a number, was " + v);
    }

    private String text(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual()) {
        throw error(path, "expected a string, was " + v);
      }
      return v.asText();
    }

    private DataFormatException error(String field, String problem) {
      return new DataFormatException(source, 0, 0, field,
          String.format(Locale.ROOT, "feature pipeline field %s: %s", field, problem));
    }
  }
}
