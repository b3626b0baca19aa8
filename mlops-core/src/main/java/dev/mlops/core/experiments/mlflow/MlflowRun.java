package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mlops.core.experiments.RunDataRules;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A run on an MLflow server; buffers values and sends them in log-batch calls. Thread-safe. */
final class MlflowRun implements ActiveRun {
  private final MlflowTracker tracker;
  private final String runId;
  private final String experimentId;
  private final Map<String, String> loggedParams = new LinkedHashMap<>();
  private List<MlflowApi.Metric> metrics = new ArrayList<>();
  private Map<String, String> params = new LinkedHashMap<>();
  private Map<String, String> tags = new LinkedHashMap<>();
  private RunStatus ended;

  MlflowRun(MlflowTracker tracker, String runId, String experimentId) {
    this.tracker = tracker;
    this.runId = runId;
    this.experimentId = experimentId;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public synchronized ActiveRun logParam(String key, String value) {
    RunDataRules.checkParamValue(RunDataRules.checkKey("param", key), value);
    ensureRunning();
    String previous = loggedParams.putIfAbsent(key, value);
    if (previous != null && !previous.equals(value)) {
      throw new IllegalArgumentException("param '" + key + "' of run " + runId + " already has the value '"
          + previous + "'; params are write-once, so '" + value + "' cannot replace it");
    }
    if (previous == null) {
      params.put(key, value);
      sendIfFull();
    }
    return this;
  }

  @Override
  public synchronized ActiveRun logMetric(String key, double value, long step) {
    RunDataRules.checkKey("metric", key);
    ensureRunning();
    metrics.add(new MlflowApi.Metric(key, value, step, tracker.nowMillis()));
    sendIfFull();
    return this;
  }

  @Override
  public synchronized ActiveRun setTag(String key, String value) {
    RunDataRules.checkTagValue(RunDataRules.checkKey("tag", key), value);
    ensureRunning();
    tags.put(key, value);
    sendIfFull();
    return this;
  }

  @Override
  public synchronized ActiveRun logInput(DatasetVersion dataset, String context) {
    Objects.requireNonNull(dataset, "dataset");
    RunDataRules.checkContext(context);
    ensureRunning();
    ArrayNode a = MlflowApi.JSON.createArrayNode();
    a.add(MlflowRuns.datasetInput(dataset, context));
    tracker.api().logInputs(runId, a);
    return this;
  }

  @Override
  public ActiveRun logArtifact(String relativePath, byte[] content) {
    Objects.requireNonNull(content, "content");
    RunDataRules.checkArtifactPath(relativePath);
    tracker.api().putArtifact(experimentId, runId, relativePath, content);
    return this;
  }

  @Override
  public synchronized void end(RunStatus status) {
    Objects.requireNonNull(status, "status");
    if (!status.terminal()) {
      throw new IllegalArgumentException("a run ends as FINISHED, FAILED or KILLED, not " + status);
    }
    if (ended != null) {
      if (ended != status) {
        throw new IllegalStateException("run " + runId + " already ended as " + ended);
      }
      return;
    }
    flush();
    tracker.api().updateRun(runId, status.name(), tracker.nowMillis());
    ended = status;
    tracker.ended(this);
  }

  @Override
  public synchronized void close() {
    if (ended == null) {
      end(RunStatus.FINISHED);
    }
  }

  synchronized void flush() {
    if (metrics.isEmpty() && params.isEmpty() && tags.isEmpty()) {
      return;
    }
    List<MlflowApi.Metric> m = metrics;
    Map<String, String> p = params;
    Map<String, String> t = tags;
    metrics = new ArrayList<>();
    params = new LinkedHashMap<>();
    tags = new LinkedHashMap<>();
    tracker.api().logBatch(runId, m, p, t);
  }

  private void sendIfFull() {
    if (metrics.size() >= MlflowApi.MAX_METRICS_PER_BATCH || params.size() >= MlflowApi.MAX_PARAMS_PER_BATCH
        || tags.size() >= MlflowApi.MAX_TAGS_PER_BATCH) {
      flush();
    }
  }

  private void ensureRunning() {
    if (ended != null) {
      throw new IllegalStateException("run " + runId + " has ended (" + ended + "); start a new run");
    }
  }
}
