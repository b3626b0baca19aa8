package dev.mlops.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericRange;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stable, versioned JSON form of a {@link DatasetSpec}. Writing is deterministic (fixed field
 * order, every field written, absent optionals as {@code null}), so the same spec always gives
 * the same bytes and {@link #hash(DatasetSpec)} is a stable identity. Reading is strict: an
 * unknown field, a missing field (every field is required; {@code range}, {@code domain},
 * {@code length}, {@code labelColumn} and {@code idColumn} may be {@code null} but not absent), a
 * value of the wrong JSON type, content after the JSON object, or a {@code formatVersion} newer
 * than {@link DatasetSpec#FORMAT_VERSION} fails with a {@link DataFormatException} naming the
 * field path (e.g. {@code features[3].range.mni}). A leading UTF-8 byte order mark is skipped.
 * Strings have no length limit, so whatever {@link #write} writes is read back.
 *
 * <p>Infinite range bounds are written as the strings {@code "Infinity"} and {@code "-Infinity"}
 * because JSON has no number for them; finite doubles are written in Java's shortest round-trip
 * form, so {@code read(write(spec)).equals(spec)} holds exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecJson {
  /**
   * Reads what {@link #write} writes: no limit on string length (Jackson's default of 20,000,000
   * characters would refuse a spec whose domain holds a longer value, though the writer wrote it),
   * one JSON value per file (trailing content is an error), duplicate keys refused.
   */
  private static final ObjectMapper MAPPER = JacksonSupport.checked(() ->
      new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Set<String> SPEC_FIELDS =
      Set.of("formatVersion", "minRows", "maxRows", "labelColumn", "labelClasses", "idColumn",
          "features");
  private static final Set<String> FEATURE_FIELDS =
      Set.of("name", "type", "minPresence", "unique", "range", "domain", "length");
  private static final Set<String> RANGE_FIELDS =
      Set.of("min", "max", "minInclusive", "maxInclusive", "nanAllowed", "infinityAllowed");
  private static final Set<String> DOMAIN_FIELDS = Set.of("values", "minShareInDomain");
  private static final Set<String> LENGTH_FIELDS = Set.of("min", "max");

  private SpecJson() {}

  /** Returns the spec as indented JSON text. */
  public static String write(DatasetSpec spec) {
    Objects.requireNonNull(spec, "spec");
    try {
      return MAPPER.writeValueAsString(toTree(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  /**
   * Writes the spec as JSON to a file atomically with {@link AtomicFiles}: a failure (a full disk)
   * leaves the previous file intact, and missing parent folders are created.
   *
   * @throws java.io.UncheckedIOException naming the file and the reason if it cannot be written,
   *     e.g. {@code "cannot write spec: /data/spec.json: cannot write: no space left on device"}
   */
  public static void write(DatasetSpec spec, Path file) {
    Objects.requireNonNull(file, "file");
    String json = write(spec);
    try {
      AtomicFiles.writeString(file, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write spec: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the spec's hash: {@code "sha256:"} and the SHA-256 of its JSON form, in hex.
   * Equal specs have equal hashes.
   */
  public static String hash(DatasetSpec spec) {
    return "sha256:" + sha256Hex(write(spec).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a spec from JSON text.
   *
   * @param json the JSON text
   * @param source names the text in error messages, e.g. the file name
   * @throws DataFormatException naming the field if the JSON is malformed, has unknown or missing
   *     fields, values that break the spec's rules, or a newer format version
   */
  public static DatasetSpec read(String json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    JsonNode root;
    try {
      // A UTF-8 byte order mark (Windows editors add one) is not JSON, but not content either.
      root = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new DataFormatException(
          source, Math.max(line, 0), Math.max(column, 0), null,
          "malformed JSON: " + e.getOriginalMessage(), e);
    }
    return new Reader(source).spec(root);
  }

  /**
   * Reads a spec from a JSON file.
   *
   * @throws DataFormatException as {@link #read(String, String)}, or if the file cannot be read
   */
  public static DatasetSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), 0, 0, null, "cannot read spec file: " + e, e);
    }
    return read(text, file.toString());
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static ObjectNode toTree(DatasetSpec spec) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", DatasetSpec.FORMAT_VERSION);
    root.put("minRows", spec.minRows());
    root.put("maxRows", spec.maxRows());
    root.put("labelColumn", spec.labelColumn().orElse(null));
    ArrayNode classes = root.putArray("labelClasses");
    spec.labelClasses().forEach(classes::add);
    root.put("idColumn", spec.idColumn().orElse(null));
    ArrayNode features = root.putArray("features");
    for (FeatureSpec f : spec.features()) {
      features.add(toTree(f));
    }
    return root;
  }

  private static ObjectNode toTree(FeatureSpec f) {
    ObjectNode node = NODES.objectNode();
    node.put("name", f.name());
    node.put("type", f.type().name());
    node.put("minPresence", f.minPresence());
    node.put("unique", f.unique());
    if (f.range().isPresent()) {
      NumericRange r = f.range().get();
      ObjectNode range = node.putObject("range");
      putDouble(range, "min", r.min());
      putDouble(range, "max", r.max());
      range.put("minInclusive", r.minInclusive());
      range.put("maxInclusive", r.maxInclusive());
      range.put("nanAllowed", r.nanAllowed());
      range.put("infinityAllowed", r.infinityAllowed());
    } else {
      node.putNull("range");
    }
    if (f.domain().isPresent()) {
      ObjectNode domain = node.putObject("domain");
      ArrayNode values = domain.putArray("values");
      f.domain().get().values().forEach(values::add);
      domain.put("minShareInDomain", f.domain().get().minShareInDomain());
    } else {
      node.putNull("domain");
    }
    if (f.length().isPresent()) {
      ObjectNode length = node.putObject("length");
      length.put("min", f.length().get().min());
      length.put("max", f.length().get().max());
    } else {
      node.putNull("length");
    }
    return node;
  }

  private static void putDouble(ObjectNode node, String field, double value) {
    if (Double.isInfinite(value)) {
      node.put(field, value > 0 ? "Infinity" : "-Infinity");
    } else {
      node.put(field, value);
    }
  }

  /** Reads the tree, keeping the source name for error messages. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    DatasetSpec spec(JsonNode root) {
      if (!root.isObject()) {
        throw fail("", "expected a JSON object, found " + kind(root));
      }
      JsonNode version = root.get("formatVersion");
      if (version == null) {
        throw fail("formatVersion", "is missing; a spec file must state its format version");
      }
      if (!version.isIntegralNumber()) {
        throw fail("formatVersion", "expected an integer, found " + kind(version));
      }
      // Compared as BigInteger: asLong() wraps 2^64 + 1 to 1 and 2^63 to a negative number.
      BigInteger v = version.bigIntegerValue();
      if (v.compareTo(BigInteger.valueOf(DatasetSpec.FORMAT_VERSION)) > 0) {
        throw fail("formatVersion",
            "format version " + v + " is newer than this release reads (up to "
                + DatasetSpec.FORMAT_VERSION + "); upgrade mlops to read this spec");
      }
      if (v.signum() < 1) {
        throw fail("formatVersion", "must be >= 1, was " + v);
      }
      checkFields(root, "", SPEC_FIELDS);
      List<FeatureSpec> features = new ArrayList<>();
      JsonNode list = required(root, "", "features");
      if (!list.isArray()) {
        throw fail("features", "expected an array, found " + kind(list));
      }
      for (int i = 0; i < list.size(); i++) {
        features.add(feature(list.get(i), "features[" + i + "]"));
      }
      long minRows = longValue(root, "", "minRows");
      long maxRows = longValue(root, "", "maxRows");
      Optional<String> label = nullableText(root, "", "labelColumn");
      List<String> classes = textList(required(root, "", "labelClasses"), "labelClasses");
      Optional<String> id = nullableText(root, "", "idColumn");
      try {
        return new DatasetSpec(features, minRows, maxRows, label, classes, id);
      } catch (IllegalArgumentException e) {
        throw fail("", e.getMessage());
      }
    }

    private FeatureSpec feature(JsonNode node, String path) {
      if (!node.isObject()) {
        throw fail(path, "expected a JSON object, found " + kind(node));
      }
      checkFields(node, path, FEATURE_FIELDS);
      String name = text(required(node, path, "name"), path + ".name");
      String typeText = text(required(node, path, "type"), path + ".type");
      FeatureType type;
      try {
        type = FeatureType.valueOf(typeText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail(path + ".type",
            "unknown feature type '" + typeText + "'; expected one of "
                + List.of(FeatureType.values()));
      }
      double presence = doubleValue(required(node, path, "minPresence"), path + ".minPresence");
      boolean unique = bool(required(node, path, "unique"), path + ".unique");
      Optional<NumericRange> range =
          nullable(node, path, "range").map(r -> range(r, path + ".range"));
      Optional<CategoricalDomain> domain =
          nullable(node, path, "domain").map(d -> domain(d, path + ".domain"));
      Optional<LengthBounds> length =
          nullable(node, path, "length").map(l -> length(l, path + ".length"));
      try {
        return new FeatureSpec(name, type, presence, range, domain, length, unique);
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage());
      }
    }

    private NumericRange range(JsonNode node, String path) {
      objectWithFields(node, path, RANGE_FIELDS);
      try {
        return new NumericRange(
            doubleValue(required(node, path, "min"), path + ".min"),
            doubleValue(required(node, path, "max"), path + ".max"),
            bool(required(node, path, "minInclusive"), path + ".minInclusive"),
            bool(required(node, path, "maxInclusive"), path + ".maxInclusive"),
            bool(required(node, path, "nanAllowed"), path + ".nanAllowed"),
            bool(required(node, path, "infinityAllowed"), path + ".infinityAllowed"));
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage());
      }
    }

    private CategoricalDomain domain(JsonNode node, String path) {
      objectWithFields(node, path, DOMAIN_FIELDS);
      List<String> values = textList(required(node, path, "values"), path + ".values");
      double share = doubleValue(required(node, path, "minShareInDomain"), path + ".minShareInDomain");
      try {
        return new CategoricalDomain(values, share);
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage());
      }
    }

    private LengthBounds length(JsonNode node, String path) {
      objectWithFields(node, path, LENGTH_FIELDS);
      try {
        return new LengthBounds(
            intValue(required(node, path, "min"), path + ".min"),
            intValue(required(node, path, "max"), path + ".max"));
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage());
      }
    }

    private void objectWithFields(JsonNode node, String path, Set<String> allowed) {
      if (!node.isObject()) {
        throw fail(path, "expected a JSON object or null, found " + kind(node));
      }
      checkFields(node, path, allowed);
    }

    private void checkFields(JsonNode node, String path, Set<String> allowed) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw fail(join(path, name),
              "unknown field '" + name + "'; expected only " + allowed.stream().sorted().toList()
                  + " in format version " + DatasetSpec.FORMAT_VERSION);
        }
      }
    }

    private JsonNode required(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null) {
        throw fail(join(path, field), "required field is missing");
      }
      return value;
    }

    /** A field that must be present, as {@code null} when it is absent from the spec. */
    private Optional<JsonNode> nullable(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null) {
        throw fail(join(path, field), "required field is missing; write null when there is none");
      }
      return value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private Optional<String> nullableText(JsonNode node, String path, String field) {
      return nullable(node, path, field).map(v -> text(v, join(path, field)));
    }

    private long longValue(JsonNode node, String path, String field) {
      JsonNode value = required(node, path, field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw fail(join(path, field), "expected an integer, found " + kind(value));
      }
      return value.asLong();
    }

    private int intValue(JsonNode value, String path) {
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw fail(path, "expected an integer, found " + kind(value));
      }
      return value.asInt();
    }

    private double doubleValue(JsonNode value, String path) {
      if (value.isNumber()) {
        return value.doubleValue();
      }
      if (value.isTextual() && value.asText().equals("Infinity")) {
        return Double.POSITIVE_INFINITY;
      }
      if (value.isTextual() && value.asText().equals("-Infinity")) {
        return Double.NEGATIVE_INFINITY;
      }
      throw fail(path, "expected a number, \"Infinity\" or \"-Infinity\", found " + kind(value));
    }

    private boolean bool(JsonNode value, String path) {
      if (!value.isBoolean()) {
        throw fail(path, "expected true or false, found " + kind(value));
      }
      return value.booleanValue();
    }

    private String text(JsonNode value, String path) {
      if (!value.isTextual()) {
        throw fail(path, "expected a string, found " + kind(value));
      }
      return value.textValue();
    }

    private List<String> textList(JsonNode value, String path) {
      if (!value.isArray()) {
        throw fail(path, "expected an array of strings, found " + kind(value));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        out.add(text(value.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    private static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    private static String kind(JsonNode node) {
      return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }

    private DataFormatException fail(String path, String problem) {
      String where = path.isEmpty() ? "spec" : "field '" + path + "'";
      return new DataFormatException(source, 0, 0, null, where + ": " + problem);
    }
  }
}
