package dev.mlops.core.feedback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.FailureKind;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.model.Arm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON of one prediction-log line, format version {@value #VERSION}, documented in
 * docs/feedback.md:
 *
 * <pre>{@code
 * {"v":1,"id":"r-17","at":"2026-12-01T09:00:00.123Z","model":"churn","version":"3","arm":"primary",
 *  "in":{"age":40.0,"plan":"pro","email":"hmac-sha256:9f..."},
 *  "label":"yes","score":0.81,"p":{"no":0.19,"yes":0.81},"latency_ns":182000}
 * }</pre>
 *
 * A failed call has {@code "failure":"<KIND>"} instead of the outputs. An input is a JSON number,
 * string, boolean or {@code null} (missing); an instant is {@code {"instant":"<ISO-8601>"}} and an
 * infinite number {@code {"double":"Infinity"}}, so every value reads back as the type it had.
 * Probabilities and scores that are not finite are written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}. Stateless and thread-safe, except that a
 * {@link Encoder} belongs to one thread.
 */
final class PredictionLogFormat {
  static final int VERSION = 1;

  /** Longest accepted line in bytes: {@value} (a record with thousands of features fits). */
  static final int MAX_LINE_BYTES = 4 << 20;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(MAX_LINE_BYTES).maxNestingDepth(8).maxNumberLength(64).build())
      .build();
  private static final ObjectMapper JSON = new ObjectMapper(FACTORY);

  private PredictionLogFormat() {}

  /** Encodes records into a {@link LineBuffer}; belongs to one thread. */
  static final class Encoder {
    private final LineBuffer buffer;
    private final JsonGenerator gen;

    Encoder(LineBuffer buffer) {
      this.buffer = buffer;
      try {
        this.gen = FACTORY.createGenerator((OutputStream) buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      gen.setRootValueSeparator(null);
    }

    /** Appends one checksummed line. */
    void append(LoggedPrediction r) throws IOException {
      buffer.startLine();
      try {
        write(r);
        gen.flush();
      } catch (IOException | RuntimeException e) {
        buffer.abandonLine();
        throw e;
      }
      buffer.endLine();
    }

    private void write(LoggedPrediction r) throws IOException {
      gen.writeStartObject();
      gen.writeNumberField("v", VERSION);
      gen.writeStringField("id", r.requestId());
      gen.writeStringField("at", r.receivedAt().toString());
      gen.writeStringField("model", r.modelName());
      gen.writeStringField("version", r.modelVersion());
      gen.writeStringField("arm", r.arm().name().toLowerCase(Locale.ROOT));
      gen.writeObjectFieldStart("in");
      for (Map.Entry<String, Object> e : r.inputs().entrySet()) {
        gen.writeFieldName(e.getKey());
        writeValue(e.getValue());
      }
      gen.writeEndObject();
      if (r.failure().isPresent()) {
        gen.writeStringField("failure", r.failure().get().name());
      } else {
        if (r.label().isPresent()) {
          gen.writeStringField("label", r.label().get());
        }
        if (r.score().isPresent()) {
          gen.writeFieldName("score");
          writeDouble(r.score().getAsDouble());
        }
        if (!r.probabilities().isEmpty()) {
          gen.writeObjectFieldStart("p");
          for (Map.Entry<String, Double> e : r.probabilities().entrySet()) {
            gen.writeFieldName(e.getKey());
            writeDouble(e.getValue() == null ? Double.NaN : e.getValue());
          }
          gen.writeEndObject();
        }
      }
      gen.writeNumberField("latency_ns", r.latency().toNanos());
      gen.writeEndObject();
    }

    private void writeValue(Object v) throws IOException {
      if (v == null) {
        gen.writeNull();
      } else if (v instanceof Double d) {
        if (d.isNaN()) {
          gen.writeNull();
        } else if (d.isInfinite()) {
          gen.writeStartObject();
          gen.writeStringField("double", d.toString());
          gen.writeEndObject();
        } else {
          gen.writeNumber(d);
        }
      } else if (v instanceof Boolean b) {
        gen.writeBoolean(b);
      } else if (v instanceof Instant t) {
        gen.writeStartObject();
        gen.writeStringField("instant", t.toString());
        gen.writeEndObject();
      } else {
        gen.writeString(v.toString());
      }
    }

    private void writeDouble(double d) throws IOException {
      if (Double.isFinite(d)) {
        gen.writeNumber(d);
      } else {
        gen.writeString(Double.toString(d));
      }
    }
  }

  /**
   * Decodes one line's JSON.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  static LoggedPrediction decode(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("record is not a JSON object");
    }
    long version = integer(n, "v");
    if (version != VERSION) {
      throw new IllegalArgumentException("format version " + version + " is not " + VERSION);
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    JsonNode in = n.path("in");
    if (!in.isObject()) {
      throw new IllegalArgumentException("field \"in\" is missing or not an object");
    }
    in.properties().forEach(e -> inputs.put(e.getKey(), value(e.getKey(), e.getValue())));
    Map<String, Double> probabilities = new LinkedHashMap<>();
    n.path("p").properties().forEach(e -> probabilities.put(e.getKey(), number(e.getValue(), "p")));
    Optional<FailureKind> failure = n.hasNonNull("failure")
        ? Optional.of(failureKind(text(n, "failure"))) : Optional.empty();
    return new LoggedPrediction(
        text(n, "id"), instant(text(n, "at")), text(n, "model"), text(n, "version"),
        arm(text(n, "arm")), inputs,
        n.hasNonNull("label") ? Optional.of(text(n, "label")) : Optional.empty(),
        n.has("score") ? OptionalDouble.of(number(n.get("score"), "score")) : OptionalDouble.empty(),
        probabilities, failure, Duration.ofNanos(integer(n, "latency_ns")));
  }

  private static Object value(String name, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isObject() && v.path("instant").isTextual()) {
      return instant(v.get("instant").textValue());
    }
    if (v.isObject() && v.path("double").isTextual()) {
      return number(v.get("double"), name);
    }
    throw new IllegalArgumentException("input \"" + name + "\" has an unknown value " + v);
  }

  private static double number(JsonNode v, String field) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      switch (v.textValue()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw new IllegalArgumentException("field \"" + field + "\" is not a number: " + v);
  }

  private static long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing or not an integer");
    }
    return v.longValue();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
    }
    return v.textValue();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant", e);
    }
  }

  private static Arm arm(String text) {
    for (Arm a : Arm.values()) {
      if (a.name().toLowerCase(Locale.ROOT).equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("arm '" + text + "' is not primary, candidate or shadow");
  }

  private static FailureKind failureKind(String text) {
    try {
      return FailureKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failure kind '" + text + "' is unknown", e);
    }
  }
}
