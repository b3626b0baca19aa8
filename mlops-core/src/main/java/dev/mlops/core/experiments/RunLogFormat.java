package dev.mlops.core.experiments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON records of a run log ({@code runs/<id>/run.jsonl}), format version {@value #VERSION}.
 * Every record has a type field {@code "t"}; the first one is {@code "run"}. Documented in
 * docs/experiments.md. Reading uses plain trees (no polymorphic typing) with size limits.
 */
final class RunLogFormat {
  static final int VERSION = 1;

  static final ObjectMapper JSON = JacksonSupport.checked(() ->
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxStringLength(LogLine.MAX_LINE_BYTES)
                      .maxNestingDepth(16)
                      .maxNumberLength(64)
                      .build())
              .build()));

  private RunLogFormat() {}

  static String runHeader(
      String runId, String experimentId, String runName, Optional<String> parent, long startMillis) {
    ObjectNode n = JSON.createObjectNode();
    n.put("t", "run").put("format", VERSION).put("id", runId).put("experiment", experimentId);
    n.put("name", runName).put("start", startMillis);
    parent.ifPresent(p -> n.put("parent", p));
    return n.toString();
  }

  static String param(String key, String value) {
    return JSON.createObjectNode().put("t", "param").put("k", key).put("v", value).toString();
  }

  static String tag(String key, String value) {
    return JSON.createObjectNode().put("t", "tag").put("k", key).put("v", value).toString();
  }

  /**
   * The bytes of a metric record up to its value, {@code {"t":"m","k":"<key>","v":}}; the writer
   * appends value, step and timestamp itself (the hot path). Keys passed
   * {@link RunDataRules#checkKey} and need no escaping.
   */
  static byte[] metricPrefix(String key) {
    return ("{\"t\":\"m\",\"k\":\"" + key + "\",\"v\":").getBytes(StandardCharsets.UTF_8);
  }

  static String input(DatasetVersion d, String context) {
    ObjectNode n = JSON.createObjectNode().put("t", "input").put("context", context);
    n.put("name", d.name()).put("digest", d.digest()).put("orderSensitive", d.orderSensitive());
    d.specHash().ifPresent(h -> n.put("specHash", h));
    n.put("rows", d.rowCount()).put("source", d.source()).put("createdAt", d.createdAt().toString());
    n.put("producer", d.producer());
    ObjectNode tags = n.putObject("tags");
    d.tags().forEach(tags::put);
    return n.toString();
  }

  static String end(RunStatus status, long endMillis) {
    return JSON.createObjectNode().put("t", "end").put("status", status.name()).put("end", endMillis).toString();
  }

  static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !node.path("t").isTextual()) {
        throw new IllegalArgumentException("record is not a JSON object with a text field \"t\"");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static double metricValue(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return switch (v.textValue()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("metric value '" + v.textValue() + "' is not a number");
      };
    }
    throw new IllegalArgumentException("metric value is missing or not a number");
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
    }
    return v.textValue();
  }

  static long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong()) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing or not an integer");
    }
    return v.longValue();
  }

  static DatasetVersion dataset(JsonNode n) {
    Map<String, String> tags = new LinkedHashMap<>();
    n.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    return new DatasetVersion(
        text(n, "name"),
        text(n, "digest"),
        n.path("orderSensitive").asBoolean(),
        n.hasNonNull("specHash") ? Optional.of(text(n, "specHash")) : Optional.empty(),
        number(n, "rows"),
        text(n, "source"),
        Instant.parse(text(n, "createdAt")),
        text(n, "producer"),
        tags);
  }
}
