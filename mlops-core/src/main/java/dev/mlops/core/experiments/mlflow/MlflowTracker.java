package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.experiments.RunComparisons;
import dev.mlops.core.experiments.RunDataRules;
import dev.mlops.core.experiments.RunEnvironment;
import dev.mlops.core.experiments.filter.RunFilter;
import dev.mlops.core.experiments.filter.RunOrder;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The {@link ExperimentTracker} API logging to an MLflow tracking server over its REST API 2.0.
 * Params, tags and metrics are buffered per run and sent with {@code runs/log-batch} when a
 * buffer reaches MLflow's per-request limits (1000 metrics, 100 params, 100 tags), on
 * {@link #flush()} and when a run ends. Full buffers are sent by one daemon sender thread, so
 * the logging call does not wait for the server. Filters and orderings are checked locally
 * before they are sent. Errors from the server are {@link MlflowServerException}s carrying
 * MLflow's error code; connection errors, 429 and 5xx are retried first.
 *
 * <p>Nothing logged is dropped silently: values the server cannot take after every retry are
 * kept and sent again, and {@link #flush()} and {@code ActiveRun.end} throw an
 * {@link MlflowUnsentDataException} with the exact counts until they are delivered; a run is
 * never marked FINISHED while some of its values are missing.
 *
 * <p>Thread-safe.
 */
public final class MlflowTracker implements ExperimentTracker {
  private final MlflowConfig config;
  private final MlflowApi api;
  private final Map<String, String> experimentIds = new ConcurrentHashMap<>();
  private final Map<String, String> experimentNames = new ConcurrentHashMap<>();
  private final Set<MlflowRun> active = ConcurrentHashMap.newKeySet();
  private final Set<String> checkedMetricKeys = ConcurrentHashMap.newKeySet();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mlops-mlflow-sender");
    t.setDaemon(true);
    return t;
  });
  private volatile Map<String, String> capturedTags;

  private MlflowTracker(MlflowConfig config, Consumer<RetryEvent> retries) {
    this.config = config;
    this.api = new MlflowApi(config, retries);
  }

  /**
   * A request is about to be retried. Immutable and thread-safe.
   *
   * @param request the method and path, e.g. {@code POST /api/2.0/mlflow/runs/log-batch}
   * @param attempt the attempt that failed, from 1
   * @param attempts how many attempts are made in all
   * @param pause the wait before the next attempt
   * @param cause what went wrong (connection error or HTTP status)
   */
  public record RetryEvent(String request, int attempt, int attempts, Duration pause, String cause) {}

  /**
   * Returns a tracker for a server; nothing is sent until the first call.
   *
   * @throws dev.mlops.MlopsException if the class path holds a Jackson older than {@value
   *     JacksonSupport#MINIMUM}
   */
  public static MlflowTracker connect(MlflowConfig config) {
    return connect(config, e -> { });
  }

  /**
   * Returns a tracker that reports each retry to {@code retries} (called on the thread that
   * sends; exceptions it throws are ignored).
   *
   * @throws dev.mlops.MlopsException if the class path holds a Jackson older than {@value
   *     JacksonSupport#MINIMUM}
   */
  public static MlflowTracker connect(MlflowConfig config, Consumer<RetryEvent> retries) {
    JacksonSupport.require(); // a clear message, not a NoClassDefFoundError from the API client
    return new MlflowTracker(config, Objects.requireNonNull(retries, "retries"));
  }

  MlflowApi api() {
    return api;
  }

  String trackingUri() {
    return config.trackingUri().toString();
  }

  @Override
  public ActiveRun startRun(RunSpec spec) {
    RunDataRules.checkName("experiment name", spec.experimentName());
    RunDataRules.checkName("run name", spec.runName());
    spec.tags().forEach((k, v) -> RunDataRules.checkTagValue(RunDataRules.checkKey("tag", k), v));
    spec.parentRunId().ifPresent(p -> {
      if (api.getRun(RunDataRules.checkRunId(p)).isEmpty()) {
        throw new IllegalArgumentException("parent run '" + p + "' does not exist on " + config.trackingUri());
      }
    });
    String experimentId = experimentId(spec.experimentName());
    Map<String, String> tags = new LinkedHashMap<>(environmentTags());
    tags.put(RunEnvironment.RUN_NAME, spec.runName());
    spec.parentRunId().ifPresent(p -> tags.put(RunEnvironment.PARENT_RUN_ID, p));
    spec.seed().ifPresent(s -> tags.put(RunEnvironment.SEED, Long.toString(s)));
    tags.putAll(spec.tags());
    JsonNode run = api.createRun(experimentId, spec.runName(), config.clock().millis(), tags);
    MlflowRun r = new MlflowRun(this, run.path("info").path("run_id").asText(),
        run.path("info").path("artifact_uri").asText(""));
    active.add(r);
    return r;
  }

  @Override
  public ActiveRun startChildRun(String parentRunId, String runName) {
    RunRecord parent = findRun(parentRunId).orElseThrow(() -> new IllegalArgumentException(
        "parent run '" + parentRunId + "' does not exist on " + config.trackingUri()));
    return startRun(RunSpec.of(parent.experimentName(), runName).withParent(parentRunId));
  }

  @Override
  public List<String> experimentNames() {
    return List.copyOf(api.experiments().values());
  }

  @Override
  public Optional<RunRecord> findRun(String runId) {
    return api.getRun(RunDataRules.checkRunId(runId)).map(r -> MlflowRuns.run(r, this::experimentName));
  }

  @Override
  public List<MetricPoint> metricHistory(String runId, String key) {
    return api.metricHistory(RunDataRules.checkRunId(runId), RunDataRules.checkKey("metric", key));
  }

  @Override
  public RunPage searchRuns(RunQuery query) {
    RunFilter.parse(query.filter());
    RunOrder.parse(query.orderBy());
    List<String> ids = new ArrayList<>();
    if (query.experimentNames().isEmpty()) {
      api.experiments().forEach((id, name) -> {
        ids.add(id);
        experimentNames.put(id, name);
      });
    } else {
      for (String name : query.experimentNames()) {
        api.experimentIdByName(name).ifPresent(id -> {
          ids.add(id);
          experimentNames.put(id, name);
        });
      }
    }
    if (ids.isEmpty()) {
      return new RunPage(List.of(), Optional.empty());
    }
    JsonNode r = api.searchRuns(ids, MlflowRuns.serverFilter(query.filter()), query.orderBy(), query.maxResults(), query.pageToken());
    List<RunRecord> runs = new ArrayList<>();
    for (JsonNode run : r.path("runs")) {
      runs.add(MlflowRuns.run(run, this::experimentName));
    }
    String token = r.path("next_page_token").asText("");
    return new RunPage(runs, token.isEmpty() ? Optional.empty() : Optional.of(token));
  }

  @Override
  public RunComparison compareRuns(List<String> runIds) {
    return RunComparisons.compare(this, runIds);
  }

  /**
   * Sends everything logged to the active runs and waits for it.
   *
   * @throws MlflowUnsentDataException for the first run with values not on the server (the
   *     others are suppressed exceptions of it); nothing is dropped
   */
  @Override
  public void flush() {
    MlflowUnsentDataException first = null;
    for (MlflowRun r : active) {
      try {
        r.flush();
      } catch (MlflowUnsentDataException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Sends everything buffered and stops the sender thread; runs still active stay RUNNING on the
   * server. Idempotent.
   *
   * @throws MlflowUnsentDataException if some values could not be delivered (they are lost
   *     with this tracker, and the exception says how many)
   */
  @Override
  public void close() {
    if (sender.isShutdown()) {
      return;
    }
    try {
      flush();
    } finally {
      sender.shutdown();
    }
  }

  Executor sender() {
    return sender;
  }

  void ended(MlflowRun run) {
    active.remove(run);
  }

  /** Checks a metric key once per tracker: the regular expression is the logging hot path. */
  String checkMetricKey(String key) {
    if (!checkedMetricKeys.contains(key)) {
      RunDataRules.checkKey("metric", key);
      checkedMetricKeys.add(key);
    }
    return key;
  }

  long nowMillis() {
    return config.clock().millis();
  }

  String experimentId(String name) {
    return experimentIds.computeIfAbsent(name, n -> {
      String id = api.getOrCreateExperiment(n);
      experimentNames.put(id, n);
      return id;
    });
  }

  private String experimentName(String id) {
    return experimentNames.computeIfAbsent(id, api::experimentName);
  }

  private Map<String, String> environmentTags() {
    Map<String, String> tags = capturedTags;
    if (tags == null) {
      Map<String, String> t = new LinkedHashMap<>();
      if (config.gitDirectory() != null) {
        t.putAll(RunEnvironment.gitTags(config.gitDirectory()));
      }
      t.putAll(RunEnvironment.platformTags());
      tags = Map.copyOf(t);
      capturedTags = tags;
    }
    return tags;
  }
}
