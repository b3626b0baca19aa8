package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.SnapshotException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads the shared snapshot layout for the detectors of this package, so each
 * detector only fills {@code config} and {@code state}. Doubles are written in Java's shortest
 * round-tripping form, so a restored detector holds bit-identical values. Immutable once read;
 * thread-safe.
 */
final class SnapshotDocument {
  static final String TYPE = "detector_type";
  static final String VERSION = "format_version";
  static final String CONFIG = "config";
  static final String STATE = "state";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode config;
  private final JsonNode state;
  private final int formatVersion;

  private SnapshotDocument(JsonNode config, JsonNode state, int formatVersion) {
    this.config = config;
    this.state = state;
    this.formatVersion = formatVersion;
  }

  /** Starts a document's {@code config} or {@code state} object. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Assembles and serializes a snapshot. */
  static DetectorSnapshot write(String type, int version, ObjectNode config, ObjectNode state) {
    ObjectNode root = JSON.createObjectNode();
    root.put(TYPE, type);
    root.put(VERSION, version);
    root.set(CONFIG, config);
    root.set(STATE, state);
    try {
      return new DetectorSnapshot(type, version, JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e); // cannot happen
    }
  }

  /** Parses a stored document's header into a snapshot. */
  static DetectorSnapshot parse(String json) {
    JsonNode root = tree(json);
    return new DetectorSnapshot(text(root, TYPE), version(root), json);
  }

  /**
   * Reads a snapshot of {@code type}, written in {@code maxVersion} or older.
   *
   * @throws SnapshotException naming {@code detectorType}, {@code formatVersion} or the broken
   *     field
   */
  static SnapshotDocument read(DetectorSnapshot snapshot, String type, int maxVersion) {
    Objects.requireNonNull(snapshot, "snapshot");
    checkHeader(snapshot.detectorType(), snapshot.formatVersion(), type, maxVersion);
    JsonNode root = tree(snapshot.json());
    String docType = text(root, TYPE);
    int docVersion = version(root);
    if (!docType.equals(snapshot.detectorType())) {
      throw new SnapshotException("json." + TYPE, quote(snapshot.detectorType()), quote(docType));
    }
    if (docVersion != snapshot.formatVersion()) {
      throw new SnapshotException("json." + VERSION, String.valueOf(snapshot.formatVersion()),
          String.valueOf(docVersion));
    }
    return new SnapshotDocument(object(root, CONFIG), object(root, STATE), docVersion);
  }

  static void checkHeader(String actualType, int actualVersion, String type, int maxVersion) {
    if (!actualType.equals(type)) {
      throw new SnapshotException("detectorType", quote(type), quote(actualType));
    }
    if (actualVersion > maxVersion) {
      throw new SnapshotException("formatVersion", "<= " + maxVersion
          + " (a newer version of mlops wrote it)", String.valueOf(actualVersion));
    }
  }

  int formatVersion() {
    return formatVersion;
  }

  double configNumber(String field) {
    return number(config, CONFIG, field);
  }

  double stateNumber(String field) {
    return number(state, STATE, field);
  }

  long stateLong(String field) {
    return integer(state, STATE, field);
  }

  long configLong(String field) {
    return integer(config, CONFIG, field);
  }

  String stateText(String field) {
    JsonNode n = state.get(field);
    if (n == null || !n.isTextual()) {
      throw new SnapshotException(STATE + "." + field, "a string is required");
    }
    return n.textValue();
  }

  /** Reads a number written as {@code null} when it was NaN (JSON has no NaN). */
  double stateNumberOrNaN(String field) {
    JsonNode n = state.get(field);
    if (n != null && n.isNull()) {
      return Double.NaN;
    }
    return number(state, STATE, field);
  }

  /** Reads an array of arrays of number arrays, e.g. ADWIN's rows of [total, variance]. */
  double[][][] stateTable(String field) {
    JsonNode n = state.get(field);
    if (n == null || !n.isArray()) {
      throw new SnapshotException(STATE + "." + field, "an array of rows is required");
    }
    double[][][] out = new double[n.size()][][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = n.get(i);
      if (!row.isArray()) {
        throw new SnapshotException(
            String.format(Locale.ROOT, "%s.%s[%d]", STATE, field, i), "not an array: " + row);
      }
      out[i] = new double[row.size()][];
      for (int k = 0; k < row.size(); k++) {
        JsonNode cell = row.get(k);
        String where = String.format(Locale.ROOT, "%s.%s[%d][%d]", STATE, field, i, k);
        if (!cell.isArray()) {
          throw new SnapshotException(where, "not an array: " + cell);
        }
        out[i][k] = new double[cell.size()];
        for (int j = 0; j < cell.size(); j++) {
          if (!cell.get(j).isNumber()) {
            throw new SnapshotException(where, "not a number: " + cell.get(j));
          }
          out[i][k][j] = cell.get(j).doubleValue();
        }
      }
    }
    return out;
  }

  boolean stateFlag(String field) {
    JsonNode n = state.get(field);
    if (n == null || !n.isBoolean()) {
      throw new SnapshotException(STATE + "." + field, "true or false is required");
    }
    return n.booleanValue();
  }

  <E extends Enum<E>> E stateEnum(String field, Class<E> type) {
    String name = stateText(field);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new SnapshotException(STATE + "." + field, "one of "
          + Arrays.toString(type.getEnumConstants()), "'" + name + "'");
    }
  }

  /** Returns the {@code config} object's fields as text, in document order. */
  Map<String, String> configTexts() {
    Map<String, String> out = new LinkedHashMap<>();
    config.properties().forEach(e -> {
      if (!e.getValue().isValueNode()) {
        throw new SnapshotException(CONFIG + "." + e.getKey(), "a number, flag or name is required");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  double[] stateNumbers(String field) {
    JsonNode n = state.get(field);
    if (n == null || !n.isArray()) {
      throw new SnapshotException(STATE + "." + field, "an array of numbers is required");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = n.get(i);
      if (!v.isNumber()) {
        throw new SnapshotException(
            String.format(Locale.ROOT, "%s.%s[%d]", STATE, field, i), "not a number: " + v);
      }
      out[i] = v.doubleValue();
    }
    return out;
  }

  /** Adds an array of doubles to a document object. */
  static void putNumbers(ObjectNode node, String field, double[] values, int from, int length) {
    ArrayNode a = node.putArray(field);
    for (int i = 0; i < length; i++) {
      a.add(values[(from + i) % values.length]);
    }
  }

  /**
   * Rejects a snapshot taken with another configuration than the one requested.
   *
   * @throws SnapshotException naming {@code config.<field>}
   */
  static void requireSameConfig(String field, double expected, double actual) {
    if (Double.compare(expected, actual) != 0) {
      throw new SnapshotException(CONFIG + "." + field, String.valueOf(expected),
          String.valueOf(actual));
    }
  }

  private static JsonNode tree(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new SnapshotException("json", "a JSON object is required");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new SnapshotException("json", "malformed at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual()) {
      throw new SnapshotException(field, "a string is required");
    }
    return n.textValue();
  }

  private static int version(JsonNode root) {
    JsonNode n = root.get(VERSION);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 1) {
      throw new SnapshotException(VERSION, "an integer >= 1 is required");
    }
    return n.intValue();
  }

  private static JsonNode object(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isObject()) {
      throw new SnapshotException(field, "an object is required");
    }
    return n;
  }

  private static double number(JsonNode node, String where, String field) {
    JsonNode n = node.get(field);
    if (n == null || !n.isNumber()) {
      throw new SnapshotException(where + "." + field, "a number is required");
    }
    return n.doubleValue();
  }

  private static long integer(JsonNode node, String where, String field) {
    JsonNode n = node.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new SnapshotException(where + "." + field, "an integer is required");
    }
    return n.longValue();
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
