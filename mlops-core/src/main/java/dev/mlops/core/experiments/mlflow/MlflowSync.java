package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.RunEnvironment;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pushes runs recorded offline (in the embedded store) to an MLflow server, like W&amp;B's
 * {@code wandb sync}. Idempotent: each pushed run carries the tag {@value #SOURCE_RUN_TAG} with
 * its local id and, once everything was sent and the run had ended, {@value #COMPLETE_TAG} =
 * "true"; a later sync skips complete runs and finishes incomplete ones (MLflow keeps one copy
 * of identical params and metric points, so re-sending is harmless). Parents are pushed before
 * their children and {@code mlflow.parentRunId} is rewritten to the server's id.
 *
 * <p>A sync that fails midway throws a {@link SyncFailedException} that says which runs are
 * fully synced, which one was created on the server but is incomplete (it stays RUNNING there
 * without {@value #COMPLETE_TAG} and the next sync resumes it) and how many were not sent.
 * Each run's dataset inputs are sent first, so a rejected input stops the run before its
 * metrics. Not thread-safe; run one sync at a time per store.
 */
public final class MlflowSync {
  /** Tag with the id of the run in the local store. */
  public static final String SOURCE_RUN_TAG = "mlops.sync.source_run_id";
  /** Tag set to "true" once an ended run was pushed completely. */
  public static final String COMPLETE_TAG = "mlops.sync.complete";

  private MlflowSync() {}

  /**
   * The outcome of a sync. Immutable and thread-safe.
   *
   * @param created runs created on the server
   * @param resumed runs found on the server incomplete and finished now
   * @param skipped runs already complete on the server
   * @param remoteIds local run id to server run id, for every run of the store
   */
  public record SyncReport(int created, int resumed, int skipped, Map<String, String> remoteIds) {
    /** Copies the map. */
    public SyncReport {
      remoteIds = Map.copyOf(remoteIds);
    }
  }

  /**
   * A sync stopped at one run. Every run before it is fully synced ({@link #partial()}); the
   * failed run was either created on the server and left incomplete, to be resumed by the next
   * sync ({@link #incompleteRemoteRunId()}), or not created at all. The cause is kept.
   * Immutable and thread-safe.
   */
  public static final class SyncFailedException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient SyncReport partial;
    private final String failedRunId;
    private final String incompleteRemoteRunId;
    private final int notSent;

    SyncFailedException(String location, SyncReport partial, RunRecord failed, String incompleteRemoteRunId,
        int notSent, RuntimeException cause) {
      super(location, message(partial, failed, incompleteRemoteRunId, notSent, cause), cause);
      this.partial = partial;
      this.failedRunId = failed.runId();
      this.incompleteRemoteRunId = incompleteRemoteRunId;
      this.notSent = notSent;
    }

    private static String message(SyncReport partial, RunRecord failed, String remoteId, int notSent,
        RuntimeException cause) {
      int synced = partial.created() + partial.resumed() + partial.skipped();
      return "sync stopped at local run " + failed.runId() + " ('" + failed.runName() + "' in experiment '"
          + failed.experimentName() + "'): " + cause.getMessage() + ". " + synced + " run(s) fully synced; "
          + (remoteId != null
              ? "run " + failed.runId() + " is on the server as " + remoteId + " but incomplete (no "
                  + COMPLETE_TAG + " tag): the next sync resumes it; "
              : "run " + failed.runId() + " was not created on the server; ")
          + notSent + " more run(s) not sent yet. Fix the cause and run sync again: complete runs are skipped.";
    }

    /** Returns what was synced before the failure; its remote ids include the incomplete run. */
    public SyncReport partial() {
      return partial;
    }

    /** Returns the local id of the run the sync stopped at. */
    public String failedRunId() {
      return failedRunId;
    }

    /** Returns the server's id of the failed run when it was created there (and is incomplete). */
    public Optional<String> incompleteRemoteRunId() {
      return Optional.ofNullable(incompleteRemoteRunId);
    }

    /** Returns how many runs after the failed one were not sent. */
    public int notSent() {
      return notSent;
    }
  }

  /**
   * One run handled by a sync, for progress display. Immutable and thread-safe.
   *
   * @param done runs handled so far, this one included
   * @param total runs in the store
   * @param localRunId the run handled
   * @param action what was done with it
   * @param pointsSent metric points sent so far in this sync
   */
  public record SyncProgress(int done, int total, String localRunId, Action action, long pointsSent) {}

  /** What a sync does with a run. */
  public enum Action {
    /** Not on the server: created and pushed. */
    CREATE,
    /** On the server but incomplete: pushed again and finished. */
    RESUME,
    /** Already complete on the server: left alone. */
    SKIP
  }

  /**
   * What a sync would do with one run, as listed by a dry run. Immutable and thread-safe.
   *
   * @param run the local run
   * @param action what the sync would do with it
   * @param metricPoints the metric points it would send (0 when skipped)
   */
  public record PlannedRun(RunRecord run, Action action, long metricPoints) {}

  /**
   * Lists what {@link #sync} would send, without changing anything on the server: it only looks
   * up experiments and the runs already pushed.
   *
   * @throws dev.mlops.StoreException if the store cannot be read, the server cannot be reached
   *     or an experiment of a run is deleted on the server
   */
  public static List<PlannedRun> plan(ExperimentTracker source, MlflowTracker target) {
    MlflowApi api = target.api();
    List<PlannedRun> plan = new ArrayList<>();
    Map<String, Optional<String>> experimentIds = new LinkedHashMap<>();
    for (RunRecord run : localRuns(source)) {
      Optional<String> experimentId = experimentIds.computeIfAbsent(run.experimentName(), api::existingExperimentId);
      JsonNode found = experimentId.isEmpty() ? MissingNode.getInstance() : findPushed(api, experimentId.get(), run);
      Action action = found.isMissingNode() ? Action.CREATE : isComplete(found) ? Action.SKIP : Action.RESUME;
      plan.add(new PlannedRun(run, action, action == Action.SKIP ? 0 : points(source, run)));
    }
    return plan;
  }

  /**
   * Pushes every run of {@code source} to {@code target}.
   *
   * @throws SyncFailedException if the server rejects or cannot take a run, saying which runs
   *     are synced and which one the next sync resumes
   * @throws dev.mlops.StoreException if the store cannot be read
   */
  public static SyncReport sync(ExperimentTracker source, MlflowTracker target) {
    return sync(source, target, p -> { });
  }

  /**
   * Pushes every run of {@code source} to {@code target}, reporting each run handled to
   * {@code progress}.
   *
   * @throws SyncFailedException if the server rejects or cannot take a run, saying which runs
   *     are synced and which one the next sync resumes
   * @throws dev.mlops.StoreException if the store cannot be read
   */
  public static SyncReport sync(ExperimentTracker source, MlflowTracker target, Consumer<SyncProgress> progress) {
    List<RunRecord> runs = localRuns(source);
    long pointsSent = 0;
    Map<String, String> remoteIds = new LinkedHashMap<>();
    int created = 0;
    int resumed = 0;
    int skipped = 0;
    MlflowApi api = target.api();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i);
      String remoteId = null;
      try {
        String experimentId = target.experimentId(run.experimentName());
        JsonNode found = findPushed(api, experimentId, run);
        boolean resuming = !found.isMissingNode();
        if (resuming) {
          remoteId = found.path("info").path("run_id").asText();
          remoteIds.put(run.runId(), remoteId);
          if (isComplete(found)) {
            skipped++;
            progress.accept(new SyncProgress(i + 1, runs.size(), run.runId(), Action.SKIP, pointsSent));
            continue;
          }
        } else {
          Map<String, String> tags = remoteTags(run, remoteIds);
          remoteId = api.createRun(experimentId, run.runName(), run.startTime().toEpochMilli(), tags)
              .path("info").path("run_id").asText();
          remoteIds.put(run.runId(), remoteId);
        }
        pointsSent += push(source, api, run, remoteId, remoteIds);
        if (resuming) {
          resumed++;
        } else {
          created++;
        }
        progress.accept(new SyncProgress(i + 1, runs.size(), run.runId(), resuming ? Action.RESUME : Action.CREATE,
            pointsSent));
      } catch (RuntimeException e) {
        SyncReport partial = new SyncReport(created, resumed, skipped, remoteIds);
        throw new SyncFailedException(target.trackingUri(), partial, run, remoteId, runs.size() - i - 1, e);
      }
    }
    return new SyncReport(created, resumed, skipped, remoteIds);
  }

  private static List<RunRecord> localRuns(ExperimentTracker source) {
    List<RunRecord> runs = new ArrayList<>();
    RunQuery query = new RunQuery(List.of(), "", List.of(), RunQuery.MAX_RESULTS_LIMIT, Optional.empty());
    RunPage page = source.searchRuns(query);
    runs.addAll(page.runs());
    while (page.nextPageToken().isPresent()) {
      page = source.searchRuns(query.page(page.nextPageToken().get()));
      runs.addAll(page.runs());
    }
    runs.sort(Comparator.comparing(RunRecord::startTime).thenComparing(RunRecord::runId));
    return runs;
  }

  private static JsonNode findPushed(MlflowApi api, String experimentId, RunRecord run) {
    return api.searchRuns(List.of(experimentId), "tags.`" + SOURCE_RUN_TAG + "` = '" + run.runId() + "'", List.of(), 1,
        Optional.empty()).path("runs").path(0);
  }

  private static long points(ExperimentTracker source, RunRecord run) {
    long n = 0;
    for (String key : run.latestMetrics().keySet()) {
      n += source.metricHistory(run.runId(), key).size();
    }
    return n;
  }

  /** Sends one run; returns the number of metric points sent. */
  private static long push(ExperimentTracker source, MlflowApi api, RunRecord run, String remoteId,
      Map<String, String> remoteIds) {
    List<MlflowApi.Metric> metrics = new ArrayList<>();
    for (String key : run.latestMetrics().keySet()) {
      for (MetricPoint p : source.metricHistory(run.runId(), key)) {
        metrics.add(new MlflowApi.Metric(key, p.value(), p.step(), p.timestamp().toEpochMilli()));
      }
    }
    if (!run.inputs().isEmpty()) {
      api.logInputs(remoteId, MlflowRuns.datasetInputs(run.inputs()));
    }
    api.logBatch(remoteId, metrics, run.params(), remoteTags(run, remoteIds));
    if (run.status().terminal()) {
      api.updateRun(remoteId, run.status().name(), run.endTime().orElse(run.startTime()).toEpochMilli());
      api.logBatch(remoteId, List.of(), Map.of(), Map.of(COMPLETE_TAG, "true"));
    }
    return metrics.size();
  }

  private static Map<String, String> remoteTags(RunRecord run, Map<String, String> remoteIds) {
    Map<String, String> tags = new LinkedHashMap<>(run.tags());
    tags.put(SOURCE_RUN_TAG, run.runId());
    run.parentRunId().ifPresent(p -> {
      if (remoteIds.containsKey(p)) {
        tags.put(RunEnvironment.PARENT_RUN_ID, remoteIds.get(p));
      }
    });
    return tags;
  }

  private static boolean isComplete(JsonNode run) {
    for (JsonNode tag : run.path("data").path("tags")) {
      if (tag.path("key").asText().equals(COMPLETE_TAG) && tag.path("value").asText().equals("true")) {
        return true;
      }
    }
    return false;
  }
}
