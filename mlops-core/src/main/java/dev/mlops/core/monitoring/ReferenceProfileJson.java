package dev.mlops.core.monitoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.monitoring.FeatureProfile;
import dev.mlops.monitoring.ReferenceProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON form of a {@link ReferenceProfile}, versioned:
 *
 * <pre>{@code
 * {"formatVersion": 1, "features": [
 *   {"feature": "age", "cutPoints": [31.0, 45.5], "categories": [], "shares": [0.3, 0.4, 0.3]},
 *   {"feature": "plan", "cutPoints": [], "categories": ["a", "b"], "shares": [0.7, 0.3, 0.0]}]}
 * }</pre>
 *
 * Doubles are written in Java's shortest round-trip form, so {@code read(write(p)).equals(p)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReferenceProfileJson {
  /** Version of the layout written by this release: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReferenceProfileJson() {}

  /** Returns the profile as indented JSON. */
  public static String write(ReferenceProfile profile) {
    Objects.requireNonNull(profile, "profile");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode features = root.putArray("features");
    for (FeatureProfile f : profile.features()) {
      ObjectNode n = features.addObject();
      n.put("feature", f.feature());
      ArrayNode cuts = n.putArray("cutPoints");
      f.cutPoints().forEach(cuts::add);
      ArrayNode cats = n.putArray("categories");
      f.categories().forEach(cats::add);
      ArrayNode shares = n.putArray("shares");
      f.shares().forEach(shares::add);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  /**
   * Writes the profile to a file atomically ({@link AtomicFiles}: a temporary file in the same
   * directory, forced to disk, then moved over the target).
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ReferenceProfile profile, Path file) {
    try {
      AtomicFiles.writeString(file, write(profile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reference profile to " + file, e);
    }
  }

  /**
   * Reads a profile from a file.
   *
   * @throws DataFormatException naming the file, the position or the feature, if it cannot be
   *     read, is malformed, lacks a field, has a newer format version or breaks a profile rule
   */
  public static ReferenceProfile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), 0, 0, null,
          "cannot read reference profile: " + e, e);
    }
    return read(text, file.toString());
  }

  /**
   * Reads a profile from JSON text.
   *
   * @param json the text
   * @param source names the text in error messages
   * @throws DataFormatException as {@link #read(Path)}
   */
  public static ReferenceProfile read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new DataFormatException(source, Math.max(line, 0), Math.max(column, 0), null,
          "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DataFormatException(source, 0, 0, null, "expected a JSON object");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new DataFormatException(source, 0, 0, null, "field 'formatVersion' is missing");
    }
    if (version.intValue() > FORMAT_VERSION) {
      throw new DataFormatException(source, 0, 0, null, "formatVersion " + version.intValue()
          + " is newer than this release reads (" + FORMAT_VERSION + ")");
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw new DataFormatException(source, 0, 0, null, "field 'features' must be an array");
    }
    List<FeatureProfile> out = new ArrayList<>();
    for (JsonNode f : features) {
      JsonNode name = f.get("feature");
      if (name == null || !name.isTextual()) {
        throw new DataFormatException(source, 0, 0, null,
            "a profile lacks its 'feature' name: " + f);
      }
      try {
        out.add(new FeatureProfile(name.textValue(), doubles(f, "cutPoints"),
            strings(f, "categories"), doubles(f, "shares")));
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(source, 0, 0, name.textValue(), e.getMessage(), e);
      }
    }
    try {
      return new ReferenceProfile(out);
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(source, 0, 0, null, e.getMessage(), e);
    }
  }

  private static List<Double> doubles(JsonNode f, String field) {
    List<Double> out = new ArrayList<>();
    for (JsonNode v : array(f, field)) {
      if (!v.isNumber()) {
        throw new IllegalArgumentException("'" + field + "' must hold numbers, was " + v);
      }
      out.add(v.doubleValue());
    }
    return out;
  }

  private static List<String> strings(JsonNode f, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(f, field)) {
      out.add(v.asText());
    }
    return out;
  }

  private static JsonNode array(JsonNode f, String field) {
    JsonNode a = f.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' must be an array");
    }
    return a;
  }
}
