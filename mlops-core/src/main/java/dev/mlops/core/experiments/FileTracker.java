package dev.mlops.core.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.filter.RunFilter;
import dev.mlops.core.experiments.filter.RunOrder;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.io.JacksonSupport;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded experiment store: a directory of plain, versioned, append-only files that a
 * person can read, safe against a crash at any point and shared by several threads and processes.
 *
 * <pre>
 * ROOT/mlops-store.json             {"format":"mlops-experiments","version":1}
 * ROOT/experiments.jsonl            one record per experiment (id, name, created)
 * ROOT/runs/&lt;run id&gt;/run.jsonl      the run's records: header, params, tags, metrics, inputs, end
 * ROOT/runs/&lt;run id&gt;/artifacts/...  the run's artifacts
 * </pre>
 *
 * <p>Every line is {@code <crc32 hex> <json>}; a line cut off by a crash (no newline, wrong
 * checksum) is detected and skipped, so a {@code kill -9} loses at most what was not yet
 * {@linkplain #flush() flushed} and never corrupts what was. Logging is asynchronous: values go
 * to a bounded queue that one writer thread drains in batches; {@link #flush()} and
 * {@link #close()} wait until everything logged before is written and fsynced. When the queue is
 * full, {@link FullQueuePolicy} decides whether metric logging blocks or drops and counts. Each
 * run is written only by the process that started it; experiments are created under a file lock,
 * so several processes can share a store. Problems found while reading (corrupt lines,
 * unreadable files) are reported by {@link #problems()} and the rest is served.
 *
 * <p>Thread-safe.
 */
public final class FileTracker implements ExperimentTracker {
  /** Store format version written to {@code mlops-store.json}: {@value}. */
  public static final int STORE_VERSION = 1;

  static final String RUN_LOG = "run.jsonl";
  private static final String STORE_FILE = "mlops-store.json";
  private static final int MAX_STORE_FILE_BYTES = 64 * 1024;

  private final FileTrackerConfig config;
  private final Path root;
  private final Path runsDir;
  private final StoreIndex index;
  private final LogWriter writer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<String> checkedMetricKeys = ConcurrentHashMap.newKeySet();
  private volatile Map<String, String> capturedTags;

  private FileTracker(FileTrackerConfig config) {
    this.config = config;
    this.root = config.root().toAbsolutePath().normalize();
    this.runsDir = root.resolve("runs");
    try {
      Files.createDirectories(runsDir);
      checkStoreFile();
    } catch (IOException e) {
      throw new StoreException(root.toString(), "cannot open the experiment store: " + e, e);
    }
    this.index = new StoreIndex(runsDir, new ExperimentLog(root.resolve("experiments.jsonl")));
    this.writer = new LogWriter(root.toString(), config.queueCapacity(), config.batchSize(), config.fullQueuePolicy());
  }

  /**
   * Opens (creating if needed) a store with default settings.
   *
   * @throws StoreException if the directory cannot be created or holds a newer store format
   */
  public static FileTracker open(Path root) {
    return open(FileTrackerConfig.defaults(root));
  }

  /**
   * Opens (creating if needed) a store.
   *
   * @throws StoreException if the directory cannot be created or holds a newer store format
   * @throws dev.mlops.MlopsException if the class path holds a Jackson older than {@value
   *     JacksonSupport#MINIMUM}
   */
  public static FileTracker open(FileTrackerConfig config) {
    JacksonSupport.require(); // a clear message, not a NoClassDefFoundError from the log format
    return new FileTracker(config);
  }

  /** Returns the store directory. */
  public Path root() {
    return root;
  }

  /** Returns how many metric points were dropped because the queue was full (DROP_AND_COUNT). */
  public long droppedMetricCount() {
    return writer.droppedCount();
  }

  /** Re-reads the store and returns what could not be read (empty when all is well). */
  public List<StoreProblem> problems() {
    return index.problems();
  }

  @Override
  public ActiveRun startRun(RunSpec spec) {
    ensureOpen();
    RunDataRules.checkName("experiment name", spec.experimentName());
    RunDataRules.checkName("run name", spec.runName());
    spec.tags().forEach((k, v) -> RunDataRules.checkTagValue(RunDataRules.checkKey("tag", k), v));
    if (spec.parentRunId().isPresent()) {
      String parent = RunDataRules.checkRunId(spec.parentRunId().get());
      RunRecord p = index.find(parent).orElseThrow(() -> new IllegalArgumentException(
          "parent run '" + parent + "' does not exist in the store " + root));
      if (!p.experimentName().equals(spec.experimentName())) {
        throw new IllegalArgumentException("parent run '" + parent + "' belongs to experiment '"
            + p.experimentName() + "', not '" + spec.experimentName() + "'");
      }
    }
    long now = config.clock().millis();
    String experimentId = index.experimentId(spec.experimentName(), now);
    String runId = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> tags = new LinkedHashMap<>(environmentTags());
    tags.put(RunEnvironment.RUN_NAME, spec.runName());
    spec.parentRunId().ifPresent(p -> tags.put(RunEnvironment.PARENT_RUN_ID, p));
    spec.seed().ifPresent(s -> tags.put(RunEnvironment.SEED, Long.toString(s)));
    tags.putAll(spec.tags());
    Path dir = runsDir.resolve(runId);
    Path log = dir.resolve(RUN_LOG);
    boolean created = false;
    try {
      Files.createDirectory(dir);
      created = true;
      FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      RunFile file = new RunFile(log, ch);
      try {
        file.append(LogLine.frame(RunLogFormat.runHeader(runId, experimentId, spec.runName(), spec.parentRunId(), now)));
        tags.forEach((k, v) -> file.append(LogLine.frame(RunLogFormat.tag(k, v))));
        file.writePending();
        file.sync();
      } catch (IOException e) {
        file.close();
        throw e;
      }
      AtomicFiles.syncDirectory(runsDir);
      return new FileRun(this, runId, file, dir.resolve("artifacts"));
    } catch (IOException e) {
      StoreException failure = new StoreException(log.toString(), "cannot create the run: " + e, e);
      if (created) {
        removeUnstartedRun(dir, log, failure);
      }
      throw failure;
    }
  }

  /**
   * Removes what a failed start left (a directory with an empty or partial log, e.g. on a full
   * disk), so that later reads do not report an unreadable run that never started.
   */
  private static void removeUnstartedRun(Path dir, Path log, StoreException failure) {
    try {
      Files.deleteIfExists(log);
      Files.deleteIfExists(dir);
    } catch (IOException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  @Override
  public ActiveRun startChildRun(String parentRunId, String runName) {
    RunDataRules.checkRunId(parentRunId);
    RunRecord parent = index.find(parentRunId).orElseThrow(() -> new IllegalArgumentException(
        "parent run '" + parentRunId + "' does not exist in the store " + root));
    return startRun(RunSpec.of(parent.experimentName(), runName).withParent(parentRunId));
  }

  @Override
  public List<String> experimentNames() {
    return index.experimentNames();
  }

  @Override
  public Optional<RunRecord> findRun(String runId) {
    return index.find(RunDataRules.checkRunId(runId));
  }

  @Override
  public List<MetricPoint> metricHistory(String runId, String key) {
    RunDataRules.checkRunId(runId);
    Path log = runsDir.resolve(runId).resolve(RUN_LOG);
    if (!Files.exists(log)) {
      throw new IllegalArgumentException("run '" + runId + "' does not exist in the store " + root);
    }
    List<MetricPoint> points = new ArrayList<>();
    try {
      LogScanner.scanAll(log, json -> {
        if (json.startsWith("{\"t\":\"m\"")) {
          JsonNode n;
          try {
            n = RunLogFormat.parse(json);
            if (key.equals(RunLogFormat.text(n, "k"))) {
              points.add(new MetricPoint(key, RunLogFormat.metricValue(n.path("v")),
                  RunLogFormat.number(n, "s"), Instant.ofEpochMilli(RunLogFormat.number(n, "ts"))));
            }
          } catch (IllegalArgumentException e) {
            // a corrupt record: reported by problems(), skipped here
          }
        }
      }, problem -> { });
    } catch (IOException e) {
      throw new StoreException(log.toString(), "cannot read the metric history: " + e, e);
    }
    return points;
  }

  @Override
  public RunPage searchRuns(RunQuery query) {
    RunFilter filter = RunFilter.parse(query.filter());
    RunOrder order = RunOrder.parse(query.orderBy());
    int offset = query.pageToken().map(PageTokens::decode).orElse(0);
    List<String> ids = null;
    if (!query.experimentNames().isEmpty()) {
      ids = new ArrayList<>();
      for (String name : query.experimentNames()) {
        index.existingExperimentId(name).ifPresent(ids::add);
      }
    }
    List<RunRecord> matching = new ArrayList<>();
    for (RunRecord r : index.runs(ids)) {
      if (filter.test(r)) {
        matching.add(r);
      }
    }
    return PageTokens.page(matching, order, offset, query.maxResults());
  }

  @Override
  public RunComparison compareRuns(List<String> runIds) {
    return RunComparisons.compare(this, runIds);
  }

  @Override
  public void flush() {
    writer.flush();
  }

  /** Flushes and stops the writer; runs still active stay RUNNING, as after a crash. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      writer.close();
    }
  }

  LogWriter writer() {
    return writer;
  }

  long nowMillis() {
    return config.clock().millis();
  }

  String checkMetricKey(String key) {
    if (!checkedMetricKeys.contains(key)) {
      RunDataRules.checkKey("metric", key);
      checkedMetricKeys.add(key);
    }
    return key;
  }

  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the tracker of " + root + " is closed");
    }
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
      capturedTags = tags; // racing threads compute the same value
    }
    return tags;
  }

  private void checkStoreFile() throws IOException {
    Path file = root.resolve(STORE_FILE);
    if (!Files.exists(file)) {
      AtomicFiles.writeString(file,
          "{\"format\":\"mlops-experiments\",\"version\":" + STORE_VERSION + "}\n");
      return;
    }
    if (Files.size(file) > MAX_STORE_FILE_BYTES) {
      throw new StoreException(file.toString(), "is larger than " + MAX_STORE_FILE_BYTES + " bytes; not a store file", null);
    }
    JsonNode n;
    try {
      n = RunLogFormat.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StoreException(file.toString(), "is not valid JSON: " + e.getMessage(), e);
    }
    if (n == null || !"mlops-experiments".equals(n.path("format").asText())) {
      throw new StoreException(file.toString(), "is not an mlops experiment store file (expected \"format\":\"mlops-experiments\")", null);
    }
    int version = n.path("version").asInt(-1);
    if (version < 1 || version > STORE_VERSION) {
      throw new StoreException(file.toString(), "has store version " + version + "; this SDK reads version "
          + STORE_VERSION, null);
    }
  }
}
