package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.RunDataRules;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * A run on an MLflow server. Values are buffered and, when a buffer reaches MLflow's log-batch
 * limits, handed to the tracker's sender thread as a batch: the logging call returns at once
 * while the batch is in flight. Batches are sent in order; one that cannot be sent after all
 * retries stays at the head of the run's outbox, is sent again by the next flush or full
 * buffer, and nothing after it is lost. When the outbox holds {@value #MAX_UNSENT_BATCHES}
 * batches, logging waits for the sender, and fails with an {@link MlflowUnsentDataException}
 * (without taking the value) when the sender cannot deliver. Thread-safe (one lock per run).
 */
final class MlflowRun implements ActiveRun {
  /** Batches a run keeps in memory while the server is slow or down: {@value} (100,000 points). */
  static final int MAX_UNSENT_BATCHES = 100;

  private record Batch(List<MlflowApi.Metric> metrics, Map<String, String> params, Map<String, String> tags) {}

  private final MlflowTracker tracker;
  private final String runId;
  private final String artifactUri;
  private final Map<String, String> loggedParams = new LinkedHashMap<>();
  private final ArrayDeque<Batch> outbox = new ArrayDeque<>();
  private List<MlflowApi.Metric> metrics = new ArrayList<>();
  private Map<String, String> params = new LinkedHashMap<>();
  private Map<String, String> tags = new LinkedHashMap<>();
  /** True while a drain of the outbox is queued or running on the sender thread. */
  private boolean draining;
  /** Why the head of the outbox could not be sent, until it is sent. */
  private RuntimeException sendFailure;
  private long rejectedPoints;
  private int rejectedParams;
  private int rejectedTags;
  /** The last rejection of the server; once set, the run can no longer end as FINISHED. */
  private RuntimeException rejection;
  private boolean rejectionReported;
  private RunStatus ended;

  MlflowRun(MlflowTracker tracker, String runId, String artifactUri) {
    this.tracker = tracker;
    this.runId = runId;
    this.artifactUri = artifactUri;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public synchronized ActiveRun logParam(String key, String value) {
    RunDataRules.checkParamValue(RunDataRules.checkKey("param", key), value);
    ensureRunning();
    String previous = loggedParams.get(key);
    if (previous != null && !previous.equals(value)) {
      throw new IllegalArgumentException("param '" + key + "' of run " + runId + " already has the value '"
          + previous + "'; params are write-once, so '" + value + "' cannot replace it");
    }
    if (previous == null) {
      awaitRoom();
      loggedParams.put(key, value);
      params.put(key, value);
      sendIfFull();
    }
    return this;
  }

  @Override
  public synchronized ActiveRun logMetric(String key, double value, long step) {
    tracker.checkMetricKey(key);
    ensureRunning();
    awaitRoom();
    metrics.add(new MlflowApi.Metric(key, value, step, tracker.nowMillis()));
    sendIfFull();
    return this;
  }

  @Override
  public synchronized ActiveRun setTag(String key, String value) {
    RunDataRules.checkTagValue(RunDataRules.checkKey("tag", key), value);
    ensureRunning();
    awaitRoom();
    tags.put(key, value);
    sendIfFull();
    return this;
  }

  @Override
  public synchronized ActiveRun logInput(DatasetVersion dataset, String context) {
    Objects.requireNonNull(dataset, "dataset");
    RunDataRules.checkDataset(dataset);
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
    tracker.api().putArtifact(runId, artifactUri, relativePath, content);
    return this;
  }

  /**
   * Sends everything logged and ends the run. If values could not be delivered, throws an
   * {@link MlflowUnsentDataException}: values kept for a retry leave the run RUNNING and
   * not ended (call {@code end} again when the server is back); values the server rejected end
   * the run as FAILED, never FINISHED.
   */
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
    deliver();
    if (rejection != null) {
      MlflowUnsentDataException e = rejected();
      tracker.api().logBatch(runId, List.of(), Map.of(),
          Map.of(MlflowUnsentDataException.UNSENT_POINTS_TAG, Long.toString(rejectedPoints)));
      tracker.api().updateRun(runId, RunStatus.FAILED.name(), tracker.nowMillis());
      ended = RunStatus.FAILED;
      tracker.ended(this);
      throw e;
    }
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

  /**
   * Sends everything logged so far and waits for it.
   *
   * @throws MlflowUnsentDataException if some values are not on the server
   */
  synchronized void flush() {
    deliver();
    if (rejection != null && !rejectionReported) {
      rejectionReported = true; // reported once here; end() still ends the run as FAILED
      throw rejected();
    }
  }

  /** Returns the number of metric points logged and not yet acknowledged by the server. */
  synchronized long unsentMetricPoints() {
    long n = metrics.size();
    for (Batch b : outbox) {
      n += b.metrics().size();
    }
    return n;
  }

  /**
   * Hands the buffer to the sender and waits; what a drain already in flight failed to send
   * gets one more full round of retries from this call, so a flush or end always retries.
   */
  private void deliver() {
    enqueueBuffer();
    awaitDrain();
    if (!outbox.isEmpty()) {
      startDrain();
      awaitDrain();
    }
    if (!outbox.isEmpty()) {
      throw unsent();
    }
  }

  private void sendIfFull() {
    if (metrics.size() >= MlflowApi.MAX_METRICS_PER_BATCH || params.size() >= MlflowApi.MAX_PARAMS_PER_BATCH
        || tags.size() >= MlflowApi.MAX_TAGS_PER_BATCH) {
      enqueueBuffer();
    }
  }

  private void enqueueBuffer() {
    if (metrics.isEmpty() && params.isEmpty() && tags.isEmpty()) {
      return;
    }
    outbox.add(new Batch(metrics, params, tags));
    metrics = new ArrayList<>();
    params = new LinkedHashMap<>();
    tags = new LinkedHashMap<>();
    if (!draining) {
      startDrain();
    }
  }

  /** Waits while the outbox is full; fails, taking nothing, when the sender cannot empty it. */
  private void awaitRoom() {
    if (outbox.size() < MAX_UNSENT_BATCHES) {
      return;
    }
    if (!draining) {
      startDrain();
    }
    while (draining && outbox.size() >= MAX_UNSENT_BATCHES) {
      waitForSender();
    }
    if (outbox.size() >= MAX_UNSENT_BATCHES) {
      throw unsent();
    }
  }

  private void startDrain() {
    draining = true;
    try {
      tracker.sender().execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining = false;
      throw new IllegalStateException("the MLflow tracker of run " + runId + " is closed", e);
    }
  }

  private void awaitDrain() {
    while (draining) {
      waitForSender();
    }
  }

  private void waitForSender() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(tracker.trackingUri(), "interrupted while waiting for run " + runId
          + " to be sent; " + unsentMetricPoints() + " metric points are not on the server yet", e);
    }
  }

  /** Runs on the sender thread: sends the outbox head to tail, without holding the lock. */
  private void drain() {
    while (true) {
      Batch b;
      synchronized (this) {
        b = outbox.peek();
        if (b == null) {
          draining = false;
          notifyAll();
          return;
        }
      }
      try {
        tracker.api().logBatch(runId, b.metrics(), b.params(), b.tags());
        synchronized (this) {
          outbox.poll();
          sendFailure = null;
          notifyAll();
        }
      } catch (MlflowServerException e) {
        synchronized (this) {
          if (isRejection(e)) {
            outbox.poll(); // the server will never take it: counted and reported, never hidden
            rejectedPoints += b.metrics().size();
            rejectedParams += b.params().size();
            rejectedTags += b.tags().size();
            rejection = e;
          } else {
            stopDrain(e);
            return;
          }
        }
      } catch (RuntimeException e) {
        synchronized (this) {
          stopDrain(e);
        }
        return;
      }
    }
  }

  private void stopDrain(RuntimeException cause) {
    sendFailure = cause;
    draining = false;
    notifyAll();
  }

  /** A 4xx other than 429 is the server's final word on a batch; retrying cannot change it. */
  private static boolean isRejection(MlflowServerException e) {
    return e.httpStatus() / 100 == 4 && e.httpStatus() != 429;
  }

  private MlflowUnsentDataException unsent() {
    int p = params.size();
    int t = tags.size();
    for (Batch b : outbox) {
      p += b.params().size();
      t += b.tags().size();
    }
    return new MlflowUnsentDataException(tracker.trackingUri(), runId, unsentMetricPoints(), p, t, true, sendFailure);
  }

  private MlflowUnsentDataException rejected() {
    return new MlflowUnsentDataException(tracker.trackingUri(), runId, rejectedPoints, rejectedParams, rejectedTags,
        false, rejection);
  }

  private void ensureRunning() {
    if (ended != null) {
      throw new IllegalStateException("run " + runId + " has ended (" + ended + "); start a new run");
    }
  }
}
