package dev.mlops.core.experiments;

import dev.mlops.core.experiments.filter.RunFilter;
import dev.mlops.core.experiments.filter.RunOrder;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import dev.mlops.experiments.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ExperimentTracker} that keeps everything in memory, for tests and short-lived
 * tools: the same naming rules ({@link RunDataRules}), write-once params, environment tags, MLflow
 * search syntax, paging and comparison as {@link FileTracker}, so code tested against it behaves
 * the same on the file store or an MLflow server. Nothing survives the JVM.
 *
 * <pre>{@code
 * InMemoryTracker tracker = InMemoryTracker.create(testClock);
 * trainer.train(data, tracker);
 * assertThat(tracker).hasRun("churn", "nightly").withMetric("auc", 0.91, 1e-9);
 * assertThat(tracker.artifact(runId, "model.onnx")).isPresent();
 * }</pre>
 *
 * <p>Run ids are deterministic ({@code 0000...0001}, {@code 0000...0002}, ... in start order), so a
 * test can name them. Logging is synchronous; {@link #flush()} has nothing to wait for.
 *
 * <p>Thread-safe: one lock guards the whole store.
 */
public final class InMemoryTracker implements ExperimentTracker {
  private final Clock clock;
  private final List<String> experiments = new ArrayList<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Map<String, String> environment;
  private boolean closed;

  private InMemoryTracker(Clock clock) {
    this.clock = clock;
    this.environment = Map.copyOf(RunEnvironment.platformTags());
  }

  /** Creates an empty tracker whose times come from {@code clock}. */
  public static InMemoryTracker create(Clock clock) {
    return new InMemoryTracker(Objects.requireNonNull(clock, "clock"));
  }

  /** Creates an empty tracker on the UTC system clock. */
  public static InMemoryTracker create() {
    return create(Clock.systemUTC());
  }

  @Override
  public synchronized ActiveRun startRun(RunSpec spec) {
    ensureOpen();
    RunDataRules.checkName("experiment name", spec.experimentName());
    RunDataRules.checkName("run name", spec.runName());
    spec.tags().forEach((k, v) -> RunDataRules.checkTagValue(RunDataRules.checkKey("tag", k), v));
    if (spec.parentRunId().isPresent()) {
      Run parent = existing(RunDataRules.checkRunId(spec.parentRunId().get()), "parent run");
      if (!parent.experiment.equals(spec.experimentName())) {
        throw new IllegalArgumentException("parent run '" + parent.id + "' belongs to experiment '"
            + parent.experiment + "', not '" + spec.experimentName() + "'");
      }
    }
    if (!experiments.contains(spec.experimentName())) {
      experiments.add(spec.experimentName());
    }
    Run run = new Run(String.format(Locale.ROOT, "%032x", runs.size() + 1), spec, clock.instant());
    run.tags.putAll(environment);
    run.tags.put(RunEnvironment.RUN_NAME, spec.runName());
    spec.parentRunId().ifPresent(p -> run.tags.put(RunEnvironment.PARENT_RUN_ID, p));
    spec.seed().ifPresent(s -> run.tags.put(RunEnvironment.SEED, Long.toString(s)));
    run.tags.putAll(spec.tags());
    runs.put(run.id, run);
    return new MemoryRun(run.id);
  }

  @Override
  public synchronized ActiveRun startChildRun(String parentRunId, String runName) {
    Run parent = existing(RunDataRules.checkRunId(parentRunId), "parent run");
    return startRun(RunSpec.of(parent.experiment, runName).withParent(parentRunId));
  }

  @Override
  public synchronized List<String> experimentNames() {
    return List.copyOf(experiments);
  }

  @Override
  public synchronized Optional<RunRecord> findRun(String runId) {
    return Optional.ofNullable(runs.get(RunDataRules.checkRunId(runId))).map(Run::record);
  }

  @Override
  public synchronized List<MetricPoint> metricHistory(String runId, String key) {
    return List.copyOf(existing(RunDataRules.checkRunId(runId), "run").history.getOrDefault(key, List.of()));
  }

  @Override
  public synchronized RunPage searchRuns(RunQuery query) {
    RunFilter filter = RunFilter.parse(query.filter());
    RunOrder order = RunOrder.parse(query.orderBy());
    int offset = query.pageToken().map(PageTokens::decode).orElse(0);
    List<RunRecord> matching = new ArrayList<>();
    for (Run r : runs.values()) {
      boolean searched = query.experimentNames().isEmpty() || query.experimentNames().contains(r.experiment);
      RunRecord record = r.record();
      if (searched && filter.test(record)) {
        matching.add(record);
      }
    }
    return PageTokens.page(matching, order, offset, query.maxResults());
  }

  @Override
  public RunComparison compareRuns(List<String> runIds) {
    return RunComparisons.compare(this, runIds);
  }

  /**
   * Returns a copy of an artifact's bytes.
   *
   * @throws IllegalArgumentException if the run does not exist
   */
  public synchronized Optional<byte[]> artifact(String runId, String relativePath) {
    String path = String.join("/", RunDataRules.checkArtifactPath(relativePath));
    return Optional.ofNullable(existing(RunDataRules.checkRunId(runId), "run").artifacts.get(path))
        .map(byte[]::clone);
  }

  /** Nothing to wait for: every value is stored when it is logged. */
  @Override
  public void flush() {}

  /** Refuses new runs afterwards; what was recorded stays readable. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory tracker is closed");
    }
  }

  private Run existing(String runId, String what) {
    Run run = runs.get(runId);
    if (run == null) {
      throw new IllegalArgumentException(what + " '" + runId + "' does not exist in the in-memory tracker");
    }
    return run;
  }

  /** One run's state; guarded by the tracker's lock. */
  private static final class Run {
    final String id;
    final String experiment;
    final String name;
    final Optional<String> parent;
    final Instant start;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, List<MetricPoint>> history = new LinkedHashMap<>();
    final Map<String, MetricPoint> latest = new HashMap<>();
    final List<RunRecord.DatasetInput> inputs = new ArrayList<>();
    final Map<String, byte[]> artifacts = new HashMap<>();
    RunStatus status = RunStatus.RUNNING;
    Optional<Instant> end = Optional.empty();

    Run(String id, RunSpec spec, Instant start) {
      this.id = id;
      this.experiment = spec.experimentName();
      this.name = spec.runName();
      this.parent = spec.parentRunId();
      this.start = start;
    }

    RunRecord record() {
      return new RunRecord(id, experiment, name, status, start, end, parent, params, tags, latest, inputs);
    }
  }

  /** The handle a caller logs through; checks like {@link FileTracker}'s runs. */
  private final class MemoryRun implements ActiveRun {
    private final String id;

    MemoryRun(String id) {
      this.id = id;
    }

    @Override
    public String runId() {
      return id;
    }

    @Override
    public ActiveRun logParam(String key, String value) {
      RunDataRules.checkParamValue(RunDataRules.checkKey("param", key), value);
      synchronized (InMemoryTracker.this) {
        Run run = running();
        String previous = run.params.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
          throw RunDataRules.paramRewritten(id, key, previous, value);
        }
      }
      return this;
    }

    @Override
    public ActiveRun logMetric(String key, double value, long step) {
      RunDataRules.checkKey("metric", key);
      synchronized (InMemoryTracker.this) {
        Run run = running();
        MetricPoint point = new MetricPoint(key, value, step, clock.instant());
        run.history.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
        run.latest.merge(key, point, RunState::later);
      }
      return this;
    }

    @Override
    public ActiveRun setTag(String key, String value) {
      RunDataRules.checkTagValue(RunDataRules.checkKey("tag", key), value);
      synchronized (InMemoryTracker.this) {
        running().tags.put(key, value);
      }
      return this;
    }

    @Override
    public ActiveRun logInput(DatasetVersion dataset, String context) {
      RunDataRules.checkDataset(Objects.requireNonNull(dataset, "dataset"));
      RunDataRules.checkContext(context);
      synchronized (InMemoryTracker.this) {
        running().inputs.add(new RunRecord.DatasetInput(dataset, context));
      }
      return this;
    }

    @Override
    public ActiveRun logArtifact(String relativePath, byte[] content) {
      Objects.requireNonNull(content, "content");
      String path = String.join("/", RunDataRules.checkArtifactPath(relativePath));
      synchronized (InMemoryTracker.this) {
        running().artifacts.put(path, content.clone());
      }
      return this;
    }

    @Override
    public void end(RunStatus status) {
      Objects.requireNonNull(status, "status");
      if (!status.terminal()) {
        throw new IllegalArgumentException("a run ends as FINISHED, FAILED or KILLED, not " + status);
      }
      synchronized (InMemoryTracker.this) {
        Run run = runs.get(id);
        if (run.status.terminal()) {
          if (run.status != status) {
            throw new IllegalStateException("run " + id + " already ended as " + run.status);
          }
          return;
        }
        run.status = status;
        run.end = Optional.of(clock.instant());
      }
    }

    @Override
    public void close() {
      synchronized (InMemoryTracker.this) {
        if (!runs.get(id).status.terminal()) {
          end(RunStatus.FINISHED);
        }
      }
    }

    private Run running() {
      Run run = runs.get(id);
      if (run.status.terminal()) {
        throw new IllegalStateException("run " + id + " has ended (" + run.status + "); start a new run");
      }
      return run;
    }
  }
}
