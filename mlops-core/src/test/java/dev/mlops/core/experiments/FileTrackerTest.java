package dev.mlops.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import dev.mlops.experiments.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTrackerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  FileTracker open() {
    return FileTracker.open(FileTrackerConfig.builder(dir).clock(new StepClock(T0)).gitDirectory(null).build());
  }

  static DatasetVersion dataset() {
    return new DatasetVersion("iris", "sha256:abc", false, Optional.empty(), 150, "iris.csv", T0, "test", Map.of());
  }

  @Test
  void roundTripsEverythingARunLogs() {
    String id;
    try (FileTracker t = open()) {
      try (ActiveRun run = t.startRun(RunSpec.of("exp", "first").withSeed(7))) {
        id = run.runId();
        run.logParam("model", "tree").logParam("model", "tree").setTag("team", "a").setTag("team", "b");
        run.logMetric("loss", 1.0, 0).logMetric("loss", 0.5, 1).logMetric("loss", Double.NaN, 2);
        run.logInput(dataset(), "training");
        run.logArtifact("model/weights.bin", new byte[] {1, 2, 3});
      }
    }
    try (FileTracker t = open()) {
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.experimentName()).isEqualTo("exp");
      assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(r.endTime()).isPresent();
      assertThat(r.params()).containsExactly(Map.entry("model", "tree"));
      assertThat(r.tags()).containsEntry("team", "b").containsEntry("mlops.seed", "7")
          .containsEntry("mlflow.runName", "first").containsKeys("mlops.java.version", "mlops.os.arch");
      assertThat(r.latestMetrics().get("loss").step()).isEqualTo(2);
      assertThat(r.latestMetrics().get("loss").value()).isNaN();
      assertThat(r.inputs()).containsExactly(new RunRecord.DatasetInput(dataset(), "training"));
      assertThat(t.metricHistory(id, "loss")).extracting(MetricPoint::value).containsExactly(1.0, 0.5, Double.NaN);
      assertThat(dir.resolve("runs").resolve(id).resolve("artifacts/model/weights.bin")).hasBinaryContent(new byte[] {1, 2, 3});
      assertThat(t.problems()).isEmpty();
    }
  }

  @Test
  void paramsAreWriteOnce() {
    try (FileTracker t = open(); ActiveRun run = t.startRun("exp", "r")) {
      run.logParam("lr", "0.1");
      assertThatThrownBy(() -> run.logParam("lr", "0.2"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("param 'lr'").hasMessageContaining("'0.1'").hasMessageContaining("write-once");
    }
  }

  @Test
  void rejectsBadKeysAndValuesWithoutTruncating() {
    try (FileTracker t = open(); ActiveRun run = t.startRun("exp", "r")) {
      assertThatThrownBy(() -> run.logMetric("a*b", 1)).hasMessageContaining("invalid metric key 'a*b'");
      assertThatThrownBy(() -> run.logParam("k".repeat(251), "v")).hasMessageContaining("251 characters, the limit is 250");
      assertThatThrownBy(() -> run.logParam("p", "x".repeat(6001))).hasMessageContaining("value of param 'p' has 6001 characters, the limit is 6000");
      assertThatThrownBy(() -> run.setTag("t", "x".repeat(8001))).hasMessageContaining("value of tag 't' has 8001 characters, the limit is 8000");
      assertThatThrownBy(() -> run.logMetric("../up", 1)).hasMessageContaining("must not start with '/' or contain '.', '..'");
      run.logParam("p", "x".repeat(6000)).setTag("t", "y".repeat(8000)).logMetric("ok key_1-a.b/c:d", 1);
    }
  }

  @Test
  void rejectsArtifactPathsThatEscapeTheRun() {
    try (FileTracker t = open(); ActiveRun run = t.startRun("exp", "r")) {
      byte[] b = {1};
      assertThatThrownBy(() -> run.logArtifact("../../evil", b)).hasMessageContaining("has a '..' segment");
      assertThatThrownBy(() -> run.logArtifact("/etc/passwd", b)).hasMessageContaining("is absolute");
      assertThatThrownBy(() -> run.logArtifact("C:/x", b)).hasMessageContaining("is absolute");
      assertThatThrownBy(() -> run.logArtifact("a\\..\\b", b)).hasMessageContaining("forbidden character U+005C");
      assertThatThrownBy(() -> run.logArtifact("a//b", b)).hasMessageContaining("has a '' segment");
      assertThatThrownBy(() -> t.findRun("../runs")).hasMessageContaining("invalid run id '../runs'");
      assertThatThrownBy(() -> t.startRun("../../x", "r")).hasMessageContaining("experiment name '../../x' looks like a path");
      assertThatThrownBy(() -> t.startRun("/abs", "r")).hasMessageContaining("looks like a path");
    }
    assertThat(dir.getParent().resolve("evil")).doesNotExist();
  }

  @Test
  void logAfterEndIsRejectedAndEndIsIdempotent() {
    try (FileTracker t = open()) {
      ActiveRun run = t.startRun("exp", "r");
      run.end(RunStatus.FAILED);
      run.end(RunStatus.FAILED);
      run.close();
      assertThatThrownBy(() -> run.logMetric("m", 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended (FAILED)");
      assertThatThrownBy(() -> run.end(RunStatus.FINISHED)).hasMessageContaining("already ended as FAILED");
      assertThat(t.findRun(run.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }
  }

  @Test
  void nestedRunsRecordTheirParent() {
    try (FileTracker t = open(); ActiveRun parent = t.startRun("exp", "sweep")) {
      try (ActiveRun child = t.startChildRun(parent.runId(), "trial-1")) {
        assertThat(t.findRun(child.runId()).orElseThrow().parentRunId()).contains(parent.runId());
      }
      assertThatThrownBy(() -> t.startChildRun("0123456789abcdef0123456789abcdef", "x"))
          .hasMessageContaining("parent run '0123456789abcdef0123456789abcdef' does not exist");
    }
  }

  @Test
  void searchesFiltersOrdersAndPages() {
    try (FileTracker t = open()) {
      for (int i = 0; i < 5; i++) {
        try (ActiveRun run = t.startRun(i < 4 ? "exp" : "other", "run-" + i)) {
          run.logParam("model", i % 2 == 0 ? "tree" : "linear").logMetric("rmse", i * 0.5);
        }
      }
      List<RunRecord> trees = t.searchRuns(List.of("exp"), "metrics.rmse < 1.5 and params.model = 'tree'", List.of("metrics.rmse DESC"), 10);
      assertThat(trees).extracting(RunRecord::runName).containsExactly("run-2", "run-0");
      RunQuery q = new RunQuery(List.of(), "", List.of("metrics.rmse ASC"), 2, Optional.empty());
      List<String> names = new ArrayList<>();
      RunPage page = t.searchRuns(q);
      names.addAll(page.runs().stream().map(RunRecord::runName).toList());
      while (page.nextPageToken().isPresent()) {
        page = t.searchRuns(q.page(page.nextPageToken().get()));
        names.addAll(page.runs().stream().map(RunRecord::runName).toList());
      }
      assertThat(names).containsExactly("run-0", "run-1", "run-2", "run-3", "run-4");
      assertThat(t.experimentNames()).containsExactly("exp", "other");
      assertThatThrownBy(() -> t.searchRuns(q.page("garbage"))).hasMessageContaining("invalid page token 'garbage'");
    }
  }

  @Test
  void comparesRuns() {
    try (FileTracker t = open()) {
      String a;
      String b;
      try (ActiveRun r = t.startRun("exp", "a")) {
        a = r.runId();
        r.logParam("model", "tree").logParam("seed", "1").logMetric("loss", 3, 0).logMetric("loss", 1, 1).logMetric("loss", 2, 2);
      }
      try (ActiveRun r = t.startRun("exp", "b")) {
        b = r.runId();
        r.logParam("model", "linear").logParam("seed", "1").logMetric("loss", 5, 0);
      }
      RunComparison c = t.compareRuns(List.of(a, b));
      assertThat(c.sameParams()).containsExactly(Map.entry("seed", "1"));
      assertThat(c.differingParams()).containsExactly(Map.entry("model", List.of(Optional.of("tree"), Optional.of("linear"))));
      assertThat(c.metrics().get("loss").get(0)).contains(new RunComparison.MetricSummary(2, 2, 1, 1, 3, 0, 3));
      assertThat(c.metrics().get("loss").get(1)).contains(new RunComparison.MetricSummary(5, 0, 5, 0, 5, 0, 1));
    }
  }

  @Test
  void reportsCorruptLinesAndServesTheRest() throws Exception {
    String id;
    try (FileTracker t = open(); ActiveRun run = t.startRun("exp", "r")) {
      id = run.runId();
      run.logMetric("m", 1, 0).logMetric("m", 2, 1).logMetric("m", 3, 2);
    }
    Path log = dir.resolve("runs").resolve(id).resolve("run.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    int second = lines.indexOf(lines.stream().filter(l -> l.contains("\"s\":1")).findFirst().orElseThrow());
    lines.set(second, lines.get(second).replace("\"v\":2.0", "\"v\":9.0"));
    Files.write(log, lines, StandardCharsets.UTF_8);
    Files.writeString(log, "0000abcd {\"t\":\"m\",\"k\":\"m\",\"v\":4.0", java.nio.file.StandardOpenOption.APPEND);
    try (FileTracker t = open()) {
      assertThat(t.metricHistory(id, "m")).extracting(MetricPoint::value).containsExactly(1.0, 3.0);
      List<StoreProblem> problems = t.problems();
      assertThat(problems).anySatisfy(p -> {
        assertThat(p.kind()).isEqualTo(StoreProblem.Kind.CORRUPT_LINE);
        assertThat(p.file()).isEqualTo(log);
        assertThat(p.line()).isEqualTo(second + 1);
        assertThat(p.detail()).contains("checksum mismatch");
      });
      assertThat(problems).anySatisfy(p -> assertThat(p.kind()).isEqualTo(StoreProblem.Kind.INCOMPLETE_LAST_LINE));
      assertThat(t.findRun(id).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
    }
  }

  @Test
  void rejectsAStoreOfANewerFormat() throws Exception {
    Files.writeString(dir.resolve("mlops-store.json"), "{\"format\":\"mlops-experiments\",\"version\":99}");
    assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
        .hasMessageContaining("mlops-store.json").hasMessageContaining("store version 99");
  }

  @Test
  void threadsLoggingToOneRunLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 5_000;
    String id;
    try (FileTracker t = FileTracker.open(FileTrackerConfig.builder(dir).queueCapacity(64).batchSize(16).gitDirectory(null).build())) {
      ActiveRun run = t.startRun("exp", "r");
      id = run.runId();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        String key = "m" + th;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            run.logMetric(key, i, i);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      run.close();
      assertThat(t.droppedMetricCount()).isZero();
    }
    try (FileTracker t = open()) {
      for (int th = 0; th < threads; th++) {
        List<MetricPoint> h = t.metricHistory(id, "m" + th);
        assertThat(h).hasSize(perThread);
        assertThat(h.get(perThread - 1).step()).isEqualTo(perThread - 1);
      }
    }
  }

  @Test
  void dropAndCountAccountsForEveryPoint() throws Exception {
    int total = 50_000;
    String id;
    long dropped;
    try (FileTracker t = FileTracker.open(FileTrackerConfig.builder(dir).queueCapacity(8).batchSize(4)
        .fullQueuePolicy(FullQueuePolicy.DROP_AND_COUNT).gitDirectory(null).build())) {
      ActiveRun run = t.startRun("exp", "r");
      id = run.runId();
      for (int i = 0; i < total; i++) {
        run.logMetric("m", i, i);
      }
      run.close();
      dropped = t.droppedMetricCount();
    }
    try (FileTracker t = open()) {
      assertThat(t.metricHistory(id, "m").size() + dropped).isEqualTo(total);
    }
  }
}
