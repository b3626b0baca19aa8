package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.experiments.RunEnvironment;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts between MLflow's JSON entities and the SDK's records. MLflow serialises 64-bit fields
 * (times, steps) as JSON strings in some versions and as numbers in others, and NaN as a string;
 * every numeric field accepts both. Stateless.
 */
final class MlflowRuns {
  /** The input tag MLflow uses for a dataset's context. */
  static final String CONTEXT_TAG = "mlflow.data.context";

  /**
   * Longest dataset digest MLflow accepts: {@value} characters ({@code MAX_DATASET_DIGEST_SIZE}
   * in {@code mlflow/utils/validation.py}; the {@code datasets.digest} column is
   * {@code String(36)}).
   */
  static final int MAX_DIGEST_LENGTH = 36;

  /** The field of the dataset's profile JSON that keeps the spec hash. */
  static final String SPEC_HASH_FIELD = "spec_hash";

  /** The field of the dataset's profile JSON that keeps the full digest. */
  static final String FULL_DIGEST_FIELD = "mlops_digest";

  private static final Pattern DIGEST_COMPARISON = Pattern.compile(
      "(datasets?\\.(?:digest|`digest`|\"digest\")\\s*(?:!=|=|(?:NOT\\s+)?IN\\s*\\()\\s*)((?:'[^']*'|\"[^\"]*\")"
          + "(?:\\s*,\\s*(?:'[^']*'|\"[^\"]*\"))*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STRING_LITERAL = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

  private MlflowRuns() {}

  static long longValue(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isNumber()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.textValue());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("field '" + field + "' is not an integer: '" + v.textValue() + "'", e);
      }
    }
    return 0; // protobuf JSON leaves out fields with default value 0
  }

  /**
   * Reads a metric value. MLflow's SQL stores hold no infinities and keep +-Infinity as
   * +-{@link Double#MAX_VALUE} ({@code SqlAlchemyStore._log_metrics}), so those two values are
   * read back as +-Infinity; a point logged as exactly +-{@code Double.MAX_VALUE} reads back as
   * an infinity too, a trade documented in docs/experiments.md.
   */
  static double doubleValue(JsonNode v) {
    if (v.isNumber()) {
      double d = v.doubleValue();
      if (Math.abs(d) == Double.MAX_VALUE) {
        return d > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      }
      return d;
    }
    if (v.isTextual()) {
      return Double.parseDouble(v.textValue()); // "NaN", "Infinity", "-Infinity" or a number
    }
    return 0;
  }

  static MetricPoint metric(JsonNode m) {
    return new MetricPoint(m.path("key").asText(), doubleValue(m.path("value")), longValue(m, "step"),
        Instant.ofEpochMilli(longValue(m, "timestamp")));
  }

  static RunRecord run(JsonNode run, Function<String, String> experimentNames) {
    JsonNode info = run.path("info");
    JsonNode data = run.path("data");
    Map<String, String> params = keyValues(data.path("params"));
    Map<String, String> tags = keyValues(data.path("tags"));
    Map<String, MetricPoint> latest = new LinkedHashMap<>();
    for (JsonNode m : data.path("metrics")) {
      MetricPoint p = metric(m);
      latest.put(p.key(), p);
    }
    List<RunRecord.DatasetInput> inputs = new ArrayList<>();
    for (JsonNode di : run.path("inputs").path("dataset_inputs")) {
      String context = keyValues(di.path("tags")).getOrDefault(CONTEXT_TAG, "");
      inputs.add(new RunRecord.DatasetInput(dataset(di.path("dataset")), context));
    }
    String runId = info.hasNonNull("run_id") ? info.path("run_id").asText() : info.path("run_uuid").asText();
    long end = longValue(info, "end_time");
    String runName = info.hasNonNull("run_name") ? info.path("run_name").asText()
        : tags.getOrDefault(RunEnvironment.RUN_NAME, "");
    return new RunRecord(runId, experimentNames.apply(info.path("experiment_id").asText()), runName,
        RunStatus.valueOf(info.path("status").asText("RUNNING")),
        Instant.ofEpochMilli(longValue(info, "start_time")),
        end > 0 ? Optional.of(Instant.ofEpochMilli(end)) : Optional.empty(),
        Optional.ofNullable(tags.get(RunEnvironment.PARENT_RUN_ID)), params, tags, latest, inputs);
  }

  /**
   * Encodes a dataset as MLflow's {@code DatasetInput}. MLflow's dataset has name, digest,
   * source type, source, schema and profile; the SDK's extra fields travel in the source and
   * profile JSON so that they read back unchanged, among them the full digest when MLflow's
   * digest column is too short for it (see {@link #serverDigest}).
   */
  static ObjectNode datasetInput(DatasetVersion d, String context) {
    ObjectNode input = MlflowApi.JSON.createObjectNode();
    input.putArray("tags").addObject().put("key", CONTEXT_TAG).put("value", context);
    ObjectNode ds = input.putObject("dataset");
    ds.put("name", d.name()).put("digest", serverDigest(d.digest()));
    ds.put("source_type", d.source().startsWith("http://") || d.source().startsWith("https://") ? "http" : "local");
    ObjectNode source = MlflowApi.JSON.createObjectNode().put("uri", d.source())
        .put("created_at", d.createdAt().toString()).put("producer", d.producer());
    ObjectNode tags = source.putObject("tags");
    d.tags().forEach(tags::put);
    ds.put("source", source.toString());
    ObjectNode profile = MlflowApi.JSON.createObjectNode().put("num_rows", d.rowCount())
        .put("order_sensitive", d.orderSensitive()).put(FULL_DIGEST_FIELD, d.digest());
    // MLflow's schema field holds its own column-spec JSON; the spec hash is not one, so it
    // travels in the profile and no schema is claimed
    d.specHash().ifPresent(h -> profile.put(SPEC_HASH_FIELD, h));
    ds.put("profile", profile.toString());
    return input;
  }

  /**
   * Returns the digest as MLflow stores it: unchanged when it fits in
   * {@value #MAX_DIGEST_LENGTH} characters, else the first {@value #MAX_DIGEST_LENGTH}
   * characters of its hex part ({@code sha256:} + 64 hex digits becomes 36 hex digits, 144 bits,
   * still unique in practice). The full digest travels in the profile JSON.
   */
  static String serverDigest(String digest) {
    if (digest.length() <= MAX_DIGEST_LENGTH) {
      return digest;
    }
    String hex = digest.substring(digest.indexOf(':') + 1);
    return hex.length() <= MAX_DIGEST_LENGTH ? hex : hex.substring(0, MAX_DIGEST_LENGTH);
  }

  /**
   * Rewrites the digests compared with {@code datasets.digest} ({@code = != IN NOT IN}) in a
   * filter to the form the server stores, so a search by the full digest finds the run. A
   * {@code LIKE} pattern is sent unchanged and matches the stored form.
   */
  static String serverFilter(String filter) {
    Matcher m = DIGEST_COMPARISON.matcher(filter);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher lit = STRING_LITERAL.matcher(m.group(2));
      StringBuilder values = new StringBuilder();
      while (lit.find()) {
        String value = lit.group(1) != null ? lit.group(1) : lit.group(2);
        char quote = lit.group(1) != null ? '\'' : '"';
        lit.appendReplacement(values, Matcher.quoteReplacement(quote + serverDigest(value) + quote));
      }
      lit.appendTail(values);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + values));
    }
    m.appendTail(out);
    return out.toString();
  }

  static ArrayNode datasetInputs(List<RunRecord.DatasetInput> inputs) {
    ArrayNode a = MlflowApi.JSON.createArrayNode();
    inputs.forEach(i -> a.add(datasetInput(i.dataset(), i.context())));
    return a;
  }

  static DatasetVersion dataset(JsonNode ds) {
    JsonNode source = embedded(ds.path("source").asText(""));
    JsonNode profile = embedded(ds.path("profile").asText(""));
    JsonNode schema = embedded(ds.path("schema").asText(""));
    Map<String, String> tags = keyValuesObject(source.path("tags"));
    Instant created;
    try {
      created = Instant.parse(source.path("created_at").asText("1970-01-01T00:00:00Z"));
    } catch (DateTimeParseException e) {
      created = Instant.EPOCH; // a dataset logged by another client: no creation time
    }
    String digest = profile.hasNonNull(FULL_DIGEST_FIELD) ? profile.path(FULL_DIGEST_FIELD).asText()
        : ds.path("digest").asText();
    return new DatasetVersion(ds.path("name").asText(), digest,
        profile.path("order_sensitive").asBoolean(false),
        profile.hasNonNull(SPEC_HASH_FIELD) ? Optional.of(profile.path(SPEC_HASH_FIELD).asText())
            : schema.hasNonNull(SPEC_HASH_FIELD) ? Optional.of(schema.path(SPEC_HASH_FIELD).asText()) // earlier builds
            : Optional.empty(),
        Math.max(0, profile.path("num_rows").asLong(0)),
        source.hasNonNull("uri") ? source.path("uri").asText() : ds.path("source").asText(""),
        created, source.path("producer").asText("unknown"), tags);
  }

  private static JsonNode embedded(String json) {
    if (json.isEmpty()) {
      return MlflowApi.JSON.createObjectNode();
    }
    try {
      JsonNode n = MlflowApi.JSON.readTree(json);
      return n != null && n.isObject() ? n : MlflowApi.JSON.createObjectNode();
    } catch (IOException e) {
      return MlflowApi.JSON.createObjectNode(); // not JSON: another client's free-form source
    }
  }

  private static Map<String, String> keyValues(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode kv : array) {
      out.put(kv.path("key").asText(), kv.path("value").asText(""));
    }
    return out;
  }

  private static Map<String, String> keyValuesObject(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
