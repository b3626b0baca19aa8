package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlops.core.experiments.filter.RunFilter;
import dev.mlops.core.experiments.filter.RunOrder;
import dev.mlops.experiments.RunRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory MLflow tracking server on 127.0.0.1 following the documented REST API 2.0 and
 * the server quirks the client must handle: {@code {}} for empty results, 64-bit numbers as
 * strings, protobuf error bodies, {@code metrics/get-history} returning nothing without
 * {@code max_results} and a last page whose token loops back to the start (MLflow 3.4-3.12).
 *
 * <p>It enforces the rules of a real server (MLflow 3.6, read in {@code mlflow/utils/validation.py}
 * and {@code mlflow/store/tracking/sqlalchemy_store.py}):
 * <ul>
 *   <li>dataset limits of {@code _validate_dataset}: digest at most 36 characters
 *       ({@code MAX_DATASET_DIGEST_SIZE}, column {@code String(36)}), name 500, source 65535,
 *       schema 1048575, profile 16777215; input tag keys 255, values 500;
 *   <li>log-batch limits, no duplicate param keys in one request, no param value change;
 *   <li>infinite metric values stored as +-1.7976931348623157e308 (SQL cannot hold infinities;
 *       NaN is kept through the {@code is_nan} column);
 *   <li>a deleted experiment is still returned by {@code get-by-name} with
 *       {@code lifecycle_stage = deleted}, its name cannot be created again and no run can be
 *       created in it ({@code _check_experiment_is_active});
 *   <li>a run's {@code artifact_uri} is {@code mlflow-artifacts:/<exp>/<run>/artifacts} when
 *       the server serves artifacts, else under the configured {@code --default-artifact-root};
 *       the artifact proxy writes to its destination either way, as the real server does.
 * </ul>
 * Failures can be injected to test retries, and the server can refuse connections for a while
 * and come back with its data on the same port. Thread-safe (one lock).
 */
final class TestMlflowServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // the JDK's HttpServer writes headers and body separately; without TCP_NODELAY every answer
    // waits ~40 ms for the client's delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }
  /** Servers may return fewer points than asked for; this one pages history by 1000. */
  static final int HISTORY_PAGE_CAP = 1000;

  private HttpServer server;
  private final int port;
  private final Map<String, String> experiments = new LinkedHashMap<>();
  private final Set<String> deletedExperiments = new HashSet<>();
  private final Map<String, ApiError> endpointFailures = new HashMap<>();
  private final Map<String, Integer> endpointFailuresLeft = new HashMap<>();
  private String defaultArtifactRoot;
  private volatile CountDownLatch batchGate;
  private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  private final Map<String, Set<String>> storedPoints = new HashMap<>();
  private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private int historyLoopOffset;
  private int failuresLeft;
  private int failureStatus;
  private String requiredAuthorization;
  private int nextRunId = 1;

  TestMlflowServer() throws IOException {
    server = listen(0);
    port = server.getAddress().getPort();
  }

  private HttpServer listen(int onPort) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    s.createContext("/", this::handle);
    s.start();
    return s;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops listening: connections are refused (the server is "down"); its data is kept. */
  void goDown() {
    server.stop(0);
  }

  /** Listens again on the same port with the same data. */
  void comeBack() throws IOException {
    server = listen(port);
  }

  /** Runs created from now on get an artifact URI under this root, like {@code --default-artifact-root}. */
  synchronized void defaultArtifactRoot(String root) {
    defaultArtifactRoot = root;
  }

  /** log-batch requests wait until the returned latch is counted down (a slow server). */
  CountDownLatch holdBatches() {
    batchGate = new CountDownLatch(1);
    return batchGate;
  }

  synchronized int artifactCount() {
    return artifacts.size();
  }

  /** Marks an experiment deleted, as {@code experiments/delete} does. */
  synchronized void deleteExperiment(String name) {
    experiments.forEach((id, n) -> {
      if (n.equals(name)) {
        deletedExperiments.add(id);
      }
    });
  }

  /** The next {@code times} calls of {@code endpoint} fail with the given MLflow error. */
  synchronized void failEndpoint(String endpoint, int times, int status, String code, String message) {
    endpointFailures.put(endpoint, new ApiError(status, code, message));
    endpointFailuresLeft.put(endpoint, times);
  }

  /** The runs/log-inputs requests' datasets as received. */
  synchronized List<JsonNode> datasets(String runId) {
    List<JsonNode> out = new ArrayList<>();
    run(runId).path("inputs").path("dataset_inputs").forEach(i -> out.add(i.path("dataset").deepCopy()));
    return out;
  }

  synchronized void requireAuthorization(String header) {
    requiredAuthorization = header;
  }

  /** Where the looping token of the last history page points (default 0, the first page). */
  synchronized void historyLoopOffset(int offset) {
    historyLoopOffset = offset;
  }

  /** The next {@code n} requests fail with {@code status} before being handled. */
  synchronized void failNext(int n, int status) {
    failuresLeft = n;
    failureStatus = status;
  }

  int calls(String endpoint) {
    return calls.getOrDefault(endpoint, new AtomicInteger()).get();
  }

  synchronized int runCount() {
    return runs.size();
  }

  byte[] artifact(String path) {
    return artifacts.get(path);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  synchronized String userId(String runId) {
    return run(runId).path("info").path("user_id").asText();
  }

  /** The stored values of a metric, as the server's database holds them. */
  synchronized List<Double> storedValues(String runId, String key) {
    List<Double> out = new ArrayList<>();
    for (JsonNode m : run(runId).path("history")) {
      if (m.path("key").asText().equals(key)) {
        out.add(m.path("value").isTextual() ? Double.parseDouble(m.path("value").asText()) : m.path("value").asDouble());
      }
    }
    return out;
  }

  synchronized String runStatus(String runId) {
    return run(runId).path("info").path("status").asText();
  }

  synchronized long endTime(String runId) {
    return run(runId).path("info").path("end_time").asLong(0);
  }

  synchronized int points(String runId, String key) {
    int n = 0;
    for (JsonNode m : run(runId).path("history")) {
      n += m.path("key").asText().equals(key) ? 1 : 0;
    }
    return n;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String endpoint = path.replaceFirst("^/api/2.0/mlflow/", "");
      calls.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
      byte[] body = ex.getRequestBody().readAllBytes();
      CountDownLatch gate = batchGate;
      if (gate != null && endpoint.equals("runs/log-batch")) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      synchronized (this) {
        if (requiredAuthorization != null && !requiredAuthorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
          reply(ex, 401, error("UNAUTHENTICATED", "You are not authenticated."));
          return;
        }
        if (failuresLeft > 0) {
          failuresLeft--;
          reply(ex, failureStatus, error("TEMPORARILY_UNAVAILABLE", "injected failure"));
          return;
        }
        if (path.startsWith("/api/2.0/mlflow-artifacts/artifacts/") && ex.getRequestMethod().equals("PUT")) {
          artifacts.put(path.substring("/api/2.0/mlflow-artifacts/artifacts/".length()), body);
          reply(ex, 200, JSON.createObjectNode());
          return;
        }
        Map<String, String> q = query(ex.getRequestURI());
        JsonNode req = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        try {
          int left = endpointFailuresLeft.getOrDefault(endpoint, 0);
          if (left > 0) {
            endpointFailuresLeft.put(endpoint, left - 1);
            throw endpointFailures.get(endpoint);
          }
          reply(ex, 200, dispatch(endpoint, q, req));
        } catch (ApiError e) {
          reply(ex, e.status, error(e.code, e.getMessage()));
        }
      }
    }
  }

  private JsonNode dispatch(String endpoint, Map<String, String> q, JsonNode req) {
    switch (endpoint) {
      case "experiments/get-by-name": {
        String name = q.get("experiment_name");
        String id = experiments.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
            .findFirst().orElseThrow(() -> new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "Experiment '" + name + "' does not exist."));
        return experimentJson(id);
      }
      case "experiments/get": {
        String id = q.get("experiment_id");
        if (!experiments.containsKey(id)) {
          throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + id + " exists");
        }
        return experimentJson(id);
      }
      case "experiments/create": {
        String name = req.path("name").asText();
        if (experiments.containsValue(name)) {
          // the name stays taken while the experiment is deleted (a unique column in the SQL store)
          throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
        }
        String id = Integer.toString(experiments.size() + 1);
        experiments.put(id, name);
        return JSON.createObjectNode().put("experiment_id", id);
      }
      case "experiments/search": {
        ObjectNode r = JSON.createObjectNode();
        if (!experiments.isEmpty()) {
          ArrayNode a = r.putArray("experiments");
          experiments.forEach((id, name) -> {
            if (!deletedExperiments.contains(id)) { // view_type ACTIVE_ONLY by default
              a.addObject().put("experiment_id", id).put("name", name).put("lifecycle_stage", "active");
            }
          });
        }
        return r;
      }
      case "runs/create": {
        String exp = req.path("experiment_id").asText();
        if (!experiments.containsKey(exp)) {
          throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + exp + " exists");
        }
        if (deletedExperiments.contains(exp)) {
          throw new ApiError(400, "INVALID_PARAMETER_VALUE", "The experiment " + exp
              + " must be in the 'active' state. Current state is deleted.");
        }
        String id = String.format(Locale.ROOT, "%032x", nextRunId++);
        String artifactUri = (defaultArtifactRoot != null ? defaultArtifactRoot : "mlflow-artifacts:") + "/" + exp
            + "/" + id + "/artifacts";
        ObjectNode run = JSON.createObjectNode();
        ObjectNode info = run.putObject("info");
        info.put("run_id", id).put("run_uuid", id).put("experiment_id", exp).put("run_name", req.path("run_name").asText())
            .put("status", "RUNNING").put("start_time", req.path("start_time").asText()).put("lifecycle_stage", "active")
            .put("artifact_uri", artifactUri).put("user_id", req.path("user_id").asText(""));
        ObjectNode data = run.putObject("data");
        data.putArray("metrics");
        data.putArray("params");
        data.set("tags", req.path("tags").deepCopy());
        run.putObject("inputs").putArray("dataset_inputs");
        run.putArray("history");
        runs.put(id, run);
        ObjectNode r = JSON.createObjectNode();
        r.set("run", view(run));
        return r;
      }
      case "runs/log-batch": {
        ObjectNode run = run(req.path("run_id").asText());
        checkLimit(req, "metrics", 1000);
        checkLimit(req, "params", 100);
        checkLimit(req, "tags", 100);
        checkLimit(req.path("metrics").size() + req.path("params").size() + req.path("tags").size(),
            "metrics, params, and tags", 1000);
        Set<String> keys = new HashSet<>();
        for (JsonNode p : req.path("params")) {
          if (!keys.add(p.path("key").asText())) {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", "Duplicate parameter keys have been submitted: ['"
                + p.path("key").asText() + "']. Please ensure the request contains only one param value per param key.");
          }
        }
        ArrayNode params = (ArrayNode) run.path("data").path("params");
        for (JsonNode p : req.path("params")) {
          Optional<JsonNode> old = find(params, p.path("key").asText());
          if (old.isPresent() && !old.get().path("value").asText().equals(p.path("value").asText())) {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='"
                + p.path("key").asText() + "' was already logged with value='" + old.get().path("value").asText() + "'");
          }
          if (old.isEmpty()) {
            params.add(p.deepCopy());
          }
        }
        ArrayNode tags = (ArrayNode) run.path("data").path("tags");
        for (JsonNode t : req.path("tags")) {
          find(tags, t.path("key").asText()).ifPresent(old -> ((ObjectNode) old).put("value", t.path("value").asText()));
          if (find(tags, t.path("key").asText()).isEmpty()) {
            tags.add(t.deepCopy());
          }
        }
        ArrayNode history = (ArrayNode) run.path("history");
        for (JsonNode m : req.path("metrics")) {
          ObjectNode stored = JSON.createObjectNode().put("key", m.path("key").asText())
              .put("timestamp", m.path("timestamp").asText()).put("step", m.path("step").asText());
          stored.set("value", storedValue(m.path("value")));
          // MLflow keeps one copy of identical points (its primary key covers every field)
          if (storedPoints.computeIfAbsent(req.path("run_id").asText(), k -> new HashSet<>()).add(stored.toString())) {
            history.add(stored);
          }
        }
        return JSON.createObjectNode();
      }
      case "runs/log-inputs": {
        ObjectNode run = run(req.path("run_id").asText());
        ArrayNode inputs = (ArrayNode) run.path("inputs").path("dataset_inputs");
        req.path("datasets").forEach(TestMlflowServer::checkDatasetInput);
        for (JsonNode d : req.path("datasets")) {
          boolean known = false;
          for (JsonNode i : inputs) {
            known |= i.equals(d);
          }
          if (!known) {
            inputs.add(d.deepCopy());
          }
        }
        return JSON.createObjectNode();
      }
      case "runs/update": {
        ObjectNode run = run(req.path("run_id").asText());
        ((ObjectNode) run.path("info")).put("status", req.path("status").asText())
            .put("end_time", req.path("end_time").asText());
        ObjectNode r = JSON.createObjectNode();
        r.set("run_info", run.path("info").deepCopy());
        return r;
      }
      case "runs/get": {
        ObjectNode r = JSON.createObjectNode();
        r.set("run", view(run(q.get("run_id"))));
        return r;
      }
      case "runs/search": {
        List<String> ids = new ArrayList<>();
        req.path("experiment_ids").forEach(n -> ids.add(n.asText()));
        RunFilter filter = RunFilter.parse(req.path("filter").asText(""));
        List<String> orderBy = new ArrayList<>();
        req.path("order_by").forEach(n -> orderBy.add(n.asText()));
        List<Map.Entry<RunRecord, JsonNode>> matching = new ArrayList<>();
        for (ObjectNode run : runs.values()) {
          JsonNode v = view(run);
          RunRecord rec = MlflowRuns.run(asStored(v), experiments::get);
          if (ids.contains(run.path("info").path("experiment_id").asText()) && filter.test(rec)) {
            matching.add(Map.entry(rec, v));
          }
        }
        RunOrder order = RunOrder.parse(orderBy);
        matching.sort((a, b) -> order.compare(a.getKey(), b.getKey()));
        int offset = req.hasNonNull("page_token") ? decode(req.path("page_token").asText()) : 0;
        int max = req.path("max_results").asInt(1000);
        ObjectNode r = JSON.createObjectNode();
        if (offset < matching.size()) {
          ArrayNode a = r.putArray("runs");
          matching.subList(offset, Math.min(matching.size(), offset + max)).forEach(e -> a.add(e.getValue()));
          if (offset + max < matching.size()) {
            r.put("next_page_token", encode(offset + max));
          }
        }
        return r; // {} when nothing matched, as MLflow does
      }
      case "metrics/get-history": {
        ObjectNode run = run(q.get("run_id"));
        ObjectNode r = JSON.createObjectNode();
        if (!q.containsKey("max_results")) {
          return r; // MLflow 3.4-3.12: no points unless max_results is sent
        }
        List<JsonNode> points = new ArrayList<>();
        run.path("history").forEach(m -> {
          if (m.path("key").asText().equals(q.get("metric_key"))) {
            points.add(m);
          }
        });
        int max = Math.min(HISTORY_PAGE_CAP, Integer.parseInt(q.get("max_results")));
        int offset = q.containsKey("page_token") ? decode(q.get("page_token")) : 0;
        if (offset < points.size()) {
          ArrayNode a = r.putArray("metrics");
          points.subList(offset, Math.min(points.size(), offset + max)).forEach(a::add);
        }
        // the last page's token loops back to the start instead of being left out
        r.put("next_page_token", encode(offset + max < points.size() ? offset + max : historyLoopOffset));
        return r;
      }
      default:
        throw new ApiError(404, "ENDPOINT_NOT_FOUND", "No endpoint " + endpoint);
    }
  }

  /** The run as MLflow returns it: latest metric per key, numbers as strings. */
  private static JsonNode view(ObjectNode run) {
    ObjectNode v = run.deepCopy();
    v.remove("history");
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (JsonNode m : run.path("history")) {
      JsonNode old = latest.get(m.path("key").asText());
      if (old == null || Long.parseLong(m.path("step").asText()) >= Long.parseLong(old.path("step").asText())) {
        latest.put(m.path("key").asText(), m);
      }
    }
    ArrayNode metrics = ((ObjectNode) v.path("data")).putArray("metrics");
    latest.values().forEach(metrics::add);
    return v;
  }

  private void checkLimit(JsonNode req, String field, int limit) {
    checkLimit(req.path(field).size(), field, limit);
  }

  private static void checkLimit(int size, String field, int limit) {
    if (size > limit) {
      throw new ApiError(400, "INVALID_PARAMETER_VALUE", "A batch logging request can contain at most " + limit + " "
          + field + ". Got " + size + " " + field + ".");
    }
  }

  /** MLflow's _validate_dataset and _validate_input_tag limits (mlflow/utils/validation.py). */
  private static void checkDatasetInput(JsonNode input) {
    JsonNode d = input.path("dataset");
    checkLength(d, "name", 500);
    checkLength(d, "digest", 36);
    checkLength(d, "source", 65535);
    checkLength(d, "schema", 1048575);
    checkLength(d, "profile", 16777215);
    for (JsonNode tag : input.path("tags")) {
      checkLength(tag, "key", 255);
      checkLength(tag, "value", 500);
    }
  }

  private static void checkLength(JsonNode n, String field, int limit) {
    if (n.path(field).asText("").length() > limit) {
      throw new ApiError(400, "INVALID_PARAMETER_VALUE", "'" + field + "' exceeds the maximum length of " + limit
          + " characters");
    }
  }

  /** SqlAlchemyStore._log_metrics: SQL holds no infinities, so they become +-max double. */
  private static JsonNode storedValue(JsonNode value) {
    double v = value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
    if (Double.isInfinite(v)) {
      return JSON.getNodeFactory().numberNode(v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
    }
    return value;
  }

  /**
   * The run as the server's SQL query sees it: datasets by their columns only (the SDK's
   * extra facts inside the profile JSON are opaque text to the server).
   */
  private static JsonNode asStored(JsonNode view) {
    JsonNode v = view.deepCopy();
    for (JsonNode di : v.path("inputs").path("dataset_inputs")) {
      ((ObjectNode) di.path("dataset")).remove("profile");
    }
    return v;
  }

  private ObjectNode run(String id) {
    ObjectNode run = runs.get(id);
    if (run == null) {
      throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "Run '" + id + "' not found");
    }
    return run;
  }

  private static Optional<JsonNode> find(ArrayNode kvs, String key) {
    for (JsonNode kv : kvs) {
      if (kv.path("key").asText().equals(key)) {
        return Optional.of(kv);
      }
    }
    return Optional.empty();
  }

  private ObjectNode experimentJson(String id) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("experiment").put("experiment_id", id).put("name", experiments.get(id))
        .put("lifecycle_stage", deletedExperiments.contains(id) ? "deleted" : "active");
    return r;
  }

  private static String encode(int offset) {
    return Base64.getEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    return Integer.parseInt(s.replaceAll("[^0-9]", ""));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
