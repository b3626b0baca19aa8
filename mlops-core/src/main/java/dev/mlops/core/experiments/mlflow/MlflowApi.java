package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.RunEnvironment;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.experiments.MetricPoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The calls of MLflow's REST API 2.0 this SDK uses, over {@code java.net.http} with Jackson
 * trees (no generated client, no polymorphic typing, responses read with a size limit). Retries
 * connection errors, 429 and 5xx with exponential backoff. Handles known server behaviour: an
 * empty result is {@code {}}, 64-bit numbers may be JSON strings, {@code metrics/get-history}
 * needs {@code max_results} and may hand out a page token that loops. Thread-safe.
 */
final class MlflowApi {
  /** MLflow's log-batch limits (mlflow/utils/validation.py). */
  static final int MAX_METRICS_PER_BATCH = 1000;
  static final int MAX_PARAMS_PER_BATCH = 100;
  static final int MAX_TAGS_PER_BATCH = 100;
  static final int MAX_ENTITIES_PER_BATCH = 1000;
  /** Page size for metrics/get-history (MLflow's GET_METRIC_HISTORY_MAX_RESULTS). */
  static final int HISTORY_PAGE_SIZE = 25_000;
  private static final long MAX_RESPONSE_BYTES = 64L << 20;

  // the fast (Schubfach) double writer: metric values are most of a log-batch body and JDK 17's
  // Double.toString is the slowest part of building it; it writes the same shortest digits
  static final ObjectMapper JSON = JacksonSupport.checked(() -> new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build()));

  private final MlflowConfig config;
  private final HttpClient http;
  private final String base;
  private final Consumer<MlflowTracker.RetryEvent> retries;

  MlflowApi(MlflowConfig config, Consumer<MlflowTracker.RetryEvent> retries) {
    this.config = config;
    this.retries = retries;
    // MLflow servers (gunicorn, uvicorn) speak HTTP/1.1; no h2c upgrade attempt on every request
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout()).build();
    String uri = config.trackingUri().toString();
    this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  // ---- experiments

  /** Returns the id of the active experiment of that name; a deleted one counts as absent. */
  Optional<String> experimentIdByName(String name) {
    return experimentByName(name).filter(e -> !isDeleted(e)).map(e -> e.path("experiment_id").asText());
  }

  /** Returns the experiment of that name, active or deleted (get-by-name returns both). */
  private Optional<JsonNode> experimentByName(String name) {
    try {
      return Optional.of(get("experiments/get-by-name", Map.of("experiment_name", name)).path("experiment"));
    } catch (MlflowServerException e) {
      if (e.errorCode().equals("RESOURCE_DOES_NOT_EXIST")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Returns the id of the named experiment without creating it.
   *
   * @throws StoreException if it is deleted on the server (see {@link #getOrCreateExperiment})
   */
  Optional<String> existingExperimentId(String name) {
    Optional<JsonNode> existing = experimentByName(name);
    existing.filter(MlflowApi::isDeleted).ifPresent(e -> {
      throw deleted(name, e.path("experiment_id").asText());
    });
    return existing.map(e -> e.path("experiment_id").asText());
  }

  private StoreException deleted(String name, String id) {
    return new StoreException(base, "experiment '" + name + "' (id " + id + ") is deleted on this MLflow server,"
        + " which keeps its name taken and accepts no runs in it: restore it (mlflow experiments restore"
        + " --experiment-id " + id + ", or Restore in the UI) or choose another experiment name", null);
  }

  private static boolean isDeleted(JsonNode experiment) {
    return "deleted".equals(experiment.path("lifecycle_stage").asText("active"));
  }

  String experimentName(String id) {
    return get("experiments/get", Map.of("experiment_id", id)).path("experiment").path("name").asText();
  }

  /**
   * Returns the id of the named experiment, creating it when it does not exist.
   *
   * @throws StoreException if an experiment of that name exists in the deleted state: MLflow
   *     keeps the name taken and refuses runs in it, so the user must restore it or pick another
   *     name
   */
  String getOrCreateExperiment(String name) {
    Optional<JsonNode> existing = experimentByName(name);
    if (existing.isPresent()) {
      String id = existing.get().path("experiment_id").asText();
      if (isDeleted(existing.get())) {
        throw deleted(name, id);
      }
      return id;
    }
    try {
      return post("experiments/create", JSON.createObjectNode().put("name", name)).path("experiment_id").asText();
    } catch (MlflowServerException e) {
      if (e.errorCode().equals("RESOURCE_ALREADY_EXISTS")) {
        return experimentIdByName(name).orElseThrow(() -> e); // created concurrently by someone else
      }
      throw e;
    }
  }

  /** Returns experiment id to name of all active experiments. */
  Map<String, String> experiments() {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    do {
      ObjectNode body = JSON.createObjectNode().put("max_results", 1000);
      if (token != null) {
        body.put("page_token", token);
      }
      JsonNode r = post("experiments/search", body);
      for (JsonNode e : r.path("experiments")) {
        out.put(e.path("experiment_id").asText(), e.path("name").asText());
      }
      token = nextToken(r, seen);
    } while (token != null);
    return out;
  }

  // ---- runs

  /** Creates a run; {@code user_id} is taken from the {@code mlflow.user} tag when present. */
  JsonNode createRun(String experimentId, String runName, long startMillis, Map<String, String> tags) {
    ObjectNode body = JSON.createObjectNode().put("experiment_id", experimentId).put("run_name", runName)
        .put("start_time", startMillis);
    String user = tags.get(RunEnvironment.USER);
    if (user != null) {
      body.put("user_id", user);
    }
    ArrayNode t = body.putArray("tags");
    tags.forEach((k, v) -> t.addObject().put("key", k).put("value", v));
    return post("runs/create", body).path("run");
  }

  /** A metric point with its original timestamp, for log-batch. */
  record Metric(String key, double value, long step, long timestampMillis) {}

  /** Sends metrics, params and tags in as many log-batch calls as MLflow's limits require. */
  void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
    for (ObjectNode body : batches(runId, metrics, params, tags)) {
      post("runs/log-batch", body);
    }
  }

  static List<ObjectNode> batches(String runId, List<Metric> metrics, Map<String, String> params,
      Map<String, String> tags) {
    List<ObjectNode> out = new ArrayList<>();
    List<Map.Entry<String, String>> p = new ArrayList<>(params.entrySet());
    List<Map.Entry<String, String>> t = new ArrayList<>(tags.entrySet());
    int mi = 0;
    int pi = 0;
    int ti = 0;
    while (mi < metrics.size() || pi < p.size() || ti < t.size()) {
      ObjectNode body = JSON.createObjectNode().put("run_id", runId);
      ArrayNode pa = body.putArray("params");
      ArrayNode ta = body.putArray("tags");
      ArrayNode ma = body.putArray("metrics");
      int entities = 0;
      for (int n = 0; n < MAX_PARAMS_PER_BATCH && pi < p.size(); n++, pi++, entities++) {
        pa.addObject().put("key", p.get(pi).getKey()).put("value", p.get(pi).getValue());
      }
      for (int n = 0; n < MAX_TAGS_PER_BATCH && ti < t.size(); n++, ti++, entities++) {
        ta.addObject().put("key", t.get(ti).getKey()).put("value", t.get(ti).getValue());
      }
      for (int n = 0; n < MAX_METRICS_PER_BATCH && entities < MAX_ENTITIES_PER_BATCH && mi < metrics.size();
          n++, mi++, entities++) {
        Metric m = metrics.get(mi);
        ObjectNode o = ma.addObject().put("key", m.key());
        if (Double.isFinite(m.value())) {
          o.put("value", m.value());
        } else {
          o.put("value", Double.toString(m.value())); // protobuf JSON spells NaN/Infinity as strings
        }
        o.put("timestamp", m.timestampMillis()).put("step", m.step());
      }
      out.add(body);
    }
    return out;
  }

  void logInputs(String runId, ArrayNode datasets) {
    ObjectNode body = JSON.createObjectNode().put("run_id", runId);
    body.set("datasets", datasets);
    post("runs/log-inputs", body);
  }

  void updateRun(String runId, String status, long endMillis) {
    post("runs/update", JSON.createObjectNode().put("run_id", runId).put("status", status).put("end_time", endMillis));
  }

  Optional<JsonNode> getRun(String runId) {
    try {
      return Optional.of(get("runs/get", Map.of("run_id", runId)).path("run"));
    } catch (MlflowServerException e) {
      if (e.errorCode().equals("RESOURCE_DOES_NOT_EXIST")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  JsonNode searchRuns(List<String> experimentIds, String filter, List<String> orderBy, int maxResults,
      Optional<String> pageToken) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode ids = body.putArray("experiment_ids");
    experimentIds.forEach(ids::add);
    body.put("filter", filter).put("max_results", maxResults);
    ArrayNode order = body.putArray("order_by");
    orderBy.forEach(order::add);
    pageToken.ifPresent(t -> body.put("page_token", t));
    return post("runs/search", body);
  }

  /**
   * Returns the full history of a metric. Always sends {@code max_results} (MLflow 3.4 to 3.12
   * return no points without it) and stops when a page token repeats or a page brings no new
   * point (those versions hand out a token that loops back to the first page; MLflow never
   * stores two identical points, so a page of known points means the loop started again).
   */
  List<MetricPoint> metricHistory(String runId, String key) {
    List<MetricPoint> points = new ArrayList<>();
    Set<MetricPoint> distinct = new HashSet<>();
    Set<String> seenTokens = new HashSet<>();
    String token = null;
    do {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("run_id", runId);
      q.put("metric_key", key);
      q.put("max_results", Integer.toString(HISTORY_PAGE_SIZE));
      if (token != null) {
        q.put("page_token", token);
      }
      JsonNode r = get("metrics/get-history", q);
      boolean added = false;
      for (JsonNode m : r.path("metrics")) {
        MetricPoint p = MlflowRuns.metric(m);
        if (distinct.add(p)) {
          points.add(p);
          added = true;
        }
      }
      token = added ? nextToken(r, seenTokens) : null;
    } while (token != null);
    return points;
  }

  /**
   * Uploads an artifact to the run's artifact location through the server's artifact proxy
   * ({@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}), the only location a REST client
   * can write to. The path comes from the run's {@code artifact_uri}, so the file lands where
   * MLflow's REST API and clients look for it.
   *
   * @throws StoreException if the run's artifact URI is not {@code mlflow-artifacts:} (a
   *     {@code file:}, {@code s3:} or other root only the server's host can reach): writing
   *     anywhere else and reporting success would lose the artifact
   */
  void putArtifact(String runId, String artifactUri, String relativePath, byte[] content) {
    URI runRoot = proxyPath(runId, artifactUri);
    StringJoiner path = new StringJoiner("/");
    for (String segment : relativePath.split("/")) {
      path.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    String root = runRoot.getRawPath().replaceAll("^/+", "").replaceAll("/+$", "");
    URI uri = URI.create(base + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/" + path);
    send(request(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
        .header("Content-Type", "application/octet-stream").build());
  }

  private URI proxyPath(String runId, String artifactUri) {
    URI uri;
    try {
      uri = URI.create(artifactUri);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"mlflow-artifacts".equals(uri.getScheme()) || uri.getRawPath() == null) {
      throw new StoreException(base, "run " + runId + " stores its artifacts at '" + artifactUri + "', which only the"
          + " server's host can write to; nothing was uploaded. Start the server with --serve-artifacts and"
          + " --artifacts-destination (and no --default-artifact-root pointing at a local or cloud path) so that"
          + " runs get mlflow-artifacts: URIs and artifacts go through its artifact proxy", null);
    }
    return uri;
  }

  // ---- transport

  private static String nextToken(JsonNode response, Set<String> seen) {
    String token = response.path("next_page_token").asText("");
    if (token.isEmpty() || !seen.add(token)) {
      return null;
    }
    return token;
  }

  JsonNode post(String endpoint, ObjectNode body) {
    URI uri = URI.create(base + "/api/2.0/mlflow/" + endpoint);
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body); // with the fast double writer, unlike JsonNode.toString()
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e); // cannot happen for plain trees
    }
    return send(request(uri).POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .header("Content-Type", "application/json").build());
  }

  JsonNode get(String endpoint, Map<String, String> query) {
    StringJoiner q = new StringJoiner("&");
    query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    URI uri = URI.create(base + "/api/2.0/mlflow/" + endpoint + "?" + q);
    return send(request(uri).GET().build());
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
        .header("Accept", "application/json");
    config.bearerToken().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    config.basicUser().ifPresent(u -> b.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((u + ":" + config.basicPassword().orElseThrow()).getBytes(StandardCharsets.UTF_8))));
    return b;
  }

  private JsonNode send(HttpRequest request) {
    String location = request.method() + " " + request.uri().getPath();
    Duration backoff = config.initialBackoff();
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= config.maxRetries();
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (last) {
          throw new StoreException(location, "cannot reach the MLflow server " + base + " after "
              + (attempt + 1) + " attempts: " + e, e);
        }
        backoff = pause(location, attempt, backoff, e.toString());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException(location, "interrupted", e);
      }
      int status = response.statusCode();
      byte[] bytes = read(response, location);
      if (status / 100 == 2) {
        return parse(bytes, location);
      }
      if (!last && (status == 429 || status / 100 == 5)) {
        backoff = pause(location, attempt, backoff, "HTTP " + status);
        continue;
      }
      JsonNode error = tryParse(bytes);
      String code = error.path("error_code").asText("UNKNOWN");
      String message = error.path("message").asText(new String(bytes, 0, Math.min(bytes.length, 500), StandardCharsets.UTF_8));
      throw new MlflowServerException(location, status, code, message);
    }
  }

  private Duration pause(String location, int attempt, Duration backoff, String cause) {
    try {
      retries.accept(new MlflowTracker.RetryEvent(location, attempt + 1, config.maxRetries() + 1, backoff, cause));
    } catch (RuntimeException e) {
      // a failing listener must not stop the retries
    }
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(base, "interrupted while waiting to retry", e);
    }
    return backoff.multipliedBy(2);
  }

  private static byte[] read(HttpResponse<InputStream> response, String location) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes((int) MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new StoreException(location, "response is larger than " + MAX_RESPONSE_BYTES + " bytes", null);
      }
      return bytes;
    } catch (IOException e) {
      throw new StoreException(location, "cannot read the response: " + e, e);
    }
  }

  private static JsonNode parse(byte[] bytes, String location) {
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new StoreException(location, "response is not a JSON object", null);
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new StoreException(location, "response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new StoreException(location, "cannot read the response: " + e, e);
    }
  }

  private static JsonNode tryParse(byte[] bytes) {
    try {
      JsonNode n = JSON.readTree(bytes);
      return n == null ? JSON.createObjectNode() : n;
    } catch (IOException e) {
      return JSON.createObjectNode(); // an HTML error page from a proxy: the raw text is reported
    }
  }
}
