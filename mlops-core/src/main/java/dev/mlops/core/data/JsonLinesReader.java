package dev.mlops.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads JSON Lines (one JSON object per line) into a {@link Dataset}. The columns are the union of
 * the keys, in order of first appearance; a key absent from a line or {@code null} is a missing
 * value. Lines holding only white space are skipped.
 *
 * <p>Types come from a spec or {@link Builder#type}, or are inferred: JSON numbers are NUMERIC
 * (INTEGER when all are integral), booleans BOOLEAN, strings TIMESTAMP when all are ISO-8601,
 * otherwise CATEGORICAL or TEXT by {@link CsvReader#DEFAULT_MAX_CATEGORIES}. Strings stay strings
 * even when they look like numbers. A line that is not an object, a nested object or array, or a
 * key whose JSON kind changes between lines throws {@link DataFormatException} naming the line and
 * key.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonLinesReader {
  /** Longest line accepted, in characters: {@value}. */
  public static final int MAX_LINE_LENGTH = 16 * 1024 * 1024;

  private static final ObjectMapper MAPPER = JacksonSupport.checked(() ->
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxStringLength(MAX_LINE_LENGTH).build())
              .build()));

  private final Map<String, FeatureType> types;
  private final int maxCategories;

  private JsonLinesReader(Builder b) {
    this.types = Map.copyOf(b.types);
    this.maxCategories = b.maxCategories;
  }

  /** A reader with inferred types. */
  public static JsonLinesReader defaults() {
    return builder().build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a JSON Lines file (two passes when types must be inferred).
   *
   * @throws DataFormatException if a line is malformed
   * @throws UncheckedIOException if the file cannot be read
   */
  public Dataset read(Path file) {
    String source = file.toString();
    try (Reader first = new BufferedReader(Sources.open(file))) {
      Map<String, FeatureType> resolved = scan(first, source);
      try (Reader second = new BufferedReader(Sources.open(file))) {
        return parse(second, source, resolved).withName(file.getFileName().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + Sources.reason(e), e);
    }
  }

  /**
   * Reads JSON Lines text from a reader (buffered in memory), which is not closed.
   *
   * @throws DataFormatException if a line is malformed
   */
  public Dataset read(Reader in, String source) {
    String text = Sources.readFully(in, source);
    Map<String, FeatureType> resolved = scan(new StringReader(text), source);
    return parse(new StringReader(text), source, resolved).withName(source);
  }

  /** The JSON kind of a value, for consistency checks across lines. */
  private enum Kind {
    NUMBER, STRING, BOOLEAN
  }

  /** Collects keys in order and resolves their types. */
  private Map<String, FeatureType> scan(Reader r, String source) {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    Map<String, Boolean> integral = new HashMap<>();
    Map<String, TypeSniffer> strings = new HashMap<>();
    forEachObject(r, source, (line, obj) -> {
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        String key = e.getKey();
        JsonNode v = e.getValue();
        Kind kind = kindOf(v, source, line, key);
        if (!kinds.containsKey(key)) {
          kinds.put(key, kind);
        }
        if (kind == null) {
          continue;
        }
        Kind before = kinds.get(key);
        if (before == null) {
          kinds.put(key, kind);
        } else if (before != kind) {
          throw new DataFormatException(source, line, 0, key,
              "value is a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " but earlier lines have a "
                  + before.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (kind == Kind.NUMBER) {
          integral.merge(key, v.isIntegralNumber(), Boolean::logicalAnd);
        } else if (kind == Kind.STRING) {
          strings.computeIfAbsent(key, k -> new TypeSniffer(maxCategories)).observe(v.textValue());
        }
      }
    });
    Map<String, FeatureType> out = new LinkedHashMap<>();
    for (Map.Entry<String, Kind> e : kinds.entrySet()) {
      String key = e.getKey();
      FeatureType given = types.get(key);
      if (given != null) {
        out.put(key, given);
      } else if (e.getValue() == null) {
        out.put(key, FeatureType.CATEGORICAL);
      } else {
        out.put(key, switch (e.getValue()) {
          case NUMBER -> integral.get(key) ? FeatureType.INTEGER : FeatureType.NUMERIC;
          case BOOLEAN -> FeatureType.BOOLEAN;
          case STRING -> stringType(strings.get(key).type());
        });
      }
    }
    return out;
  }

  private static FeatureType stringType(FeatureType sniffed) {
    return sniffed == FeatureType.TIMESTAMP || sniffed == FeatureType.TEXT
        ? sniffed
        : FeatureType.CATEGORICAL;
  }

  private static Kind kindOf(JsonNode v, String source, long line, String key) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Kind.NUMBER;
    }
    if (v.isTextual()) {
      return Kind.STRING;
    }
    if (v.isBoolean()) {
      return Kind.BOOLEAN;
    }
    throw new DataFormatException(
        source, line, 0, key, "nested " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            + " values are not supported; flatten it into scalar keys");
  }

  private Dataset parse(Reader r, String source, Map<String, FeatureType> resolved) {
    Map<String, ColumnBuilder> builders = new LinkedHashMap<>();
    resolved.forEach((k, t) -> builders.put(k, ColumnBuilder.of(k, t)));
    forEachObject(r, source, (line, obj) -> {
      for (ColumnBuilder b : builders.values()) {
        JsonNode v = obj.get(b.name);
        Object value = v == null || v.isNull() ? null : convert(v, b.type(), source, line, b.name);
        if (value == null) {
          b.addMissing();
        } else {
          b.add(value);
        }
      }
    });
    List<Column> columns = new ArrayList<>();
    for (ColumnBuilder b : builders.values()) {
      columns.add(b.build());
    }
    return Dataset.of(source, columns);
  }

  private static Object convert(JsonNode v, FeatureType type, String source, long line, String key) {
    switch (type) {
      case NUMERIC, INTEGER:
        if (!v.isNumber()) {
          throw mismatch("a number", v, source, line, key);
        }
        double d = v.doubleValue();
        if (type == FeatureType.INTEGER && d != Math.rint(d)) {
          throw mismatch("an integer", v, source, line, key);
        }
        return d;
      case BOOLEAN:
        if (!v.isBoolean()) {
          throw mismatch("true or false", v, source, line, key);
        }
        return v.booleanValue();
      case TIMESTAMP: {
        Instant t = v.isTextual() ? CellSyntax.parseTimestamp(v.textValue().strip()) : null;
        if (t == null) {
          throw mismatch("an ISO-8601 timestamp string", v, source, line, key);
        }
        return t;
      }
      case CATEGORICAL, TEXT:
        if (!v.isTextual()) {
          throw mismatch("a string", v, source, line, key);
        }
        return v.textValue();
      default:
        throw new AssertionError(type);
    }
  }

  private static DataFormatException mismatch(
      String expected, JsonNode v, String source, long line, String key) {
    return new DataFormatException(source, line, 0, key, "expected " + expected + ", found " + v);
  }

  private interface LineConsumer {
    void accept(long line, JsonNode object);
  }

  private static void forEachObject(Reader r, String source, LineConsumer consumer) {
    BufferedReader reader = r instanceof BufferedReader b ? b : new BufferedReader(r);
    long lineNo = 0;
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          throw new DataFormatException(
              source, lineNo, e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), null,
              "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
          throw new DataFormatException(
              source, lineNo, 1, null, "expected a JSON object, found "
                  + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        consumer.accept(lineNo, node);
      }
    } catch (Utf8Input.InvalidUtf8Exception e) {
      // readLine fails on the line holding the bad byte, after handing out the ones before.
      throw new DataFormatException(source, lineNo + 1, 0, null, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source + " at line " + (lineNo + 1) + ": " + Sources.reason(e), e);
    }
  }

  /** Builds {@link JsonLinesReader}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, FeatureType> types = new HashMap<>();
    private int maxCategories = CsvReader.DEFAULT_MAX_CATEGORIES;

    private Builder() {}

    /** Takes the type of every feature of {@code spec}. */
    public Builder spec(DatasetSpec spec) {
      for (FeatureSpec f : spec.features()) {
        types.put(f.name(), f.type());
      }
      return this;
    }

    /** Declares the type of one key. */
    public Builder type(String key, FeatureType type) {
      types.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Sets the inference cut-off between CATEGORICAL and TEXT.
     *
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public Builder maxCategories(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxCategories must be >= 1, was " + value);
      }
      this.maxCategories = value;
      return this;
    }

    /** Builds the reader. */
    public JsonLinesReader build() {
      return new JsonLinesReader(this);
    }
  }
}
