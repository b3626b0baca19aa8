package dev.mlops.core.experiments.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import dev.mlops.experiments.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowTrackerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final DatasetVersion DATA = new DatasetVersion("bcw", "sha256:feed", true, Optional.of("sha256:spec"), 569,
      "data/bcw.csv", T0, "demo", Map.of("split", "train"));

  TestMlflowServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = new TestMlflowServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  MlflowConfig.Builder config() {
    return MlflowConfig.builder(server.uri()).initialBackoff(Duration.ZERO).maxRetries(3).gitDirectory(null)
        .clock(Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void logsARunWithinMlflowsBatchLimitsAndReadsItBack() throws Exception {
    MlflowTracker t = MlflowTracker.connect(config().build());
    String id;
    try (ActiveRun run = t.startRun(RunSpec.of("exp", "big").withSeed(3))) {
      id = run.runId();
      for (int i = 0; i < 150; i++) {
        run.logParam("p" + i, "v" + i).setTag("t" + i, "x");
      }
      for (int i = 0; i < 2500; i++) {
        run.logMetric("loss", 1.0 / (i + 1), i);
      }
      run.logMetric("diverged", Double.NaN);
      run.logInput(DATA, "training");
      run.logArtifact("model/card.md", new byte[] {42});
      Path file = dir.resolve("weights.bin");
      Files.write(file, new byte[] {1, 2});
      run.logArtifact("model/weights.bin", file);
    }
    RunRecord r = t.findRun(id).orElseThrow();
    assertThat(r.experimentName()).isEqualTo("exp");
    assertThat(r.runName()).isEqualTo("big");
    assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(r.startTime()).isEqualTo(T0);
    assertThat(r.params()).hasSize(150).containsEntry("p149", "v149");
    assertThat(r.tags()).containsEntry("t149", "x").containsEntry("mlops.seed", "3");
    assertThat(r.latestMetrics().get("loss").step()).isEqualTo(2499);
    assertThat(r.latestMetrics().get("diverged").value()).isNaN();
    assertThat(r.inputs()).containsExactly(new dev.mlops.experiments.RunRecord.DatasetInput(DATA, "training"));
    List<MetricPoint> history = t.metricHistory(id, "loss");
    assertThat(history).hasSize(2500);
    assertThat(history.get(2499).value()).isEqualTo(1.0 / 2500);
    // 3 pages of 1000 + one request whose looping token brought only known points
    assertThat(server.calls("metrics/get-history")).isEqualTo(4);
    assertThat(server.artifact("1/" + id + "/artifacts/model/card.md")).containsExactly(42);
    assertThat(server.artifact("1/" + id + "/artifacts/model/weights.bin")).containsExactly(1, 2);
  }

  @Test
  void artifactsGoThroughTheProxyToTheRunsOwnLocation() {
    MlflowTracker t = MlflowTracker.connect(config().build());
    String id;
    try (ActiveRun run = t.startRun("exp", "r")) {
      id = run.runId();
      run.logArtifact("a b/c.txt", new byte[] {7});
    }
    assertThat(server.artifact("1/" + id + "/artifacts/a b/c.txt")).containsExactly(7);
  }

  @Test
  void anArtifactRootTheClientCannotReachFailsNamingTheUriAndTheServerOption() {
    server.defaultArtifactRoot("file:///srv/mlruns");
    MlflowTracker t = MlflowTracker.connect(config().build());
    ActiveRun run = t.startRun("exp", "r");
    assertThatThrownBy(() -> run.logArtifact("model/card.md", new byte[] {42}))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("file:///srv/mlruns/1/" + run.runId() + "/artifacts")
        .hasMessageContaining("--serve-artifacts").hasMessageContaining("--artifacts-destination")
        .hasMessageContaining("nothing was uploaded");
    assertThat(server.artifactCount()).isZero();
    run.close();
  }

  @Test
  void runsCarryWhatMlflowUsersExpect() {
    MlflowTracker t = MlflowTracker.connect(config().build());
    String id;
    try (ActiveRun run = t.startRun("exp", "r")) {
      id = run.runId();
      run.logMetric("up", Double.POSITIVE_INFINITY, 0).logMetric("down", Double.NEGATIVE_INFINITY, 0)
          .logMetric("nan", Double.NaN, 0);
    }
    assertThat(server.userId(id)).isEqualTo(System.getProperty("user.name"));
    RunRecord r = t.findRun(id).orElseThrow();
    assertThat(r.tags()).containsEntry("mlflow.source.type", "LOCAL").containsKey("mlflow.source.name");
    // the server keeps infinities as +-max double (SqlAlchemyStore); they read back as infinities
    assertThat(server.storedValues(id, "up")).containsExactly(Double.MAX_VALUE);
    assertThat(server.storedValues(id, "down")).containsExactly(-Double.MAX_VALUE);
    assertThat(r.latestMetrics().get("up").value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.latestMetrics().get("down").value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(r.latestMetrics().get("nan").value()).isNaN();
    assertThat(t.metricHistory(id, "down")).singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo(Double.NEGATIVE_INFINITY));
  }

  @Test
  void historyStopsOnARepeatedPageToken() {
    server.historyLoopOffset(1000); // the last page hands out the token of the second page again
    MlflowTracker t = MlflowTracker.connect(config().build());
    String id;
    try (ActiveRun run = t.startRun("exp", "r")) {
      id = run.runId();
      for (int i = 0; i < 2500; i++) {
        run.logMetric("loss", i, i);
      }
    }
    assertThat(t.metricHistory(id, "loss")).hasSize(2500);
    assertThat(server.calls("metrics/get-history")).isEqualTo(3);
  }

  @Test
  void splitsBatchesAtMlflowsLimits() {
    List<MlflowApi.Metric> metrics = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      metrics.add(new MlflowApi.Metric("m", i, i, 0));
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < 250; i++) {
      params.put("p" + i, "v");
      tags.put("t" + i, "v");
    }
    List<ObjectNode> batches = MlflowApi.batches("r", metrics, params, tags);
    int m = 0;
    int p = 0;
    int t = 0;
    for (ObjectNode b : batches) {
      assertThat(b.path("metrics").size()).isLessThanOrEqualTo(1000);
      assertThat(b.path("params").size()).isLessThanOrEqualTo(100);
      assertThat(b.path("tags").size()).isLessThanOrEqualTo(100);
      assertThat(b.path("metrics").size() + b.path("params").size() + b.path("tags").size()).isLessThanOrEqualTo(1000);
      m += b.path("metrics").size();
      p += b.path("params").size();
      t += b.path("tags").size();
    }
    assertThat(List.of(m, p, t)).containsExactly(2500, 250, 250);
  }

  @Test
  void reportsServerErrorsWithMlflowsErrorCode() {
    MlflowTracker t = MlflowTracker.connect(config().build());
    ActiveRun run = t.startRun("exp", "r");
    t.api().logBatch(run.runId(), List.of(), Map.of("lr", "0.1"), Map.of());
    assertThatThrownBy(() -> t.api().logBatch(run.runId(), List.of(), Map.of("lr", "0.2"), Map.of()))
        .isInstanceOfSatisfying(MlflowServerException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        })
        .hasMessageContaining("runs/log-batch").hasMessageContaining("Changing param values is not allowed");
    assertThat(t.findRun("00000000000000000000000000000099")).isEmpty();
  }

  @Test
  void retriesUnavailableServersThenGivesUp() {
    MlflowTracker t = MlflowTracker.connect(config().build());
    server.failNext(3, 503);
    t.startRun("exp", "r").close();
    assertThat(server.runCount()).isEqualTo(1);
    server.failNext(10, 429);
    assertThatThrownBy(() -> t.startRun("exp", "r2"))
        .isInstanceOfSatisfying(MlflowServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(429))
        .hasMessageContaining("TEMPORARILY_UNAVAILABLE");
  }

  @Test
  void sendsBearerOrBasicAuth() {
    server.requireAuthorization("Bearer s3cret");
    MlflowTracker.connect(config().bearerToken("s3cret").build()).startRun("exp", "r").close();
    server.requireAuthorization("Basic dXNlcjpwdw=="); // base64("user:pw")
    MlflowTracker.connect(config().basicAuth("user", "pw").build()).startRun("exp", "r").close();
    assertThatThrownBy(() -> MlflowTracker.connect(config().bearerToken("wrong").build()).startRun("exp", "r"))
        .isInstanceOfSatisfying(MlflowServerException.class, e -> assertThat(e.errorCode()).isEqualTo("UNAUTHENTICATED"));
    assertThat(config().bearerToken("s3cret").build().toString()).doesNotContain("s3cret");
  }

  @Test
  void searchesWithFilterOrderAndEmptyResults() {
    MlflowTracker t = MlflowTracker.connect(config().build());
    for (int i = 0; i < 3; i++) {
      try (ActiveRun r = t.startRun("exp", "r" + i)) {
        r.logParam("model", i == 1 ? "linear" : "tree").logMetric("rmse", i);
      }
    }
    List<RunRecord> found = t.searchRuns(List.of("exp"), "params.model = 'tree'", List.of("metrics.rmse DESC"), 10);
    assertThat(found).extracting(RunRecord::runName).containsExactly("r2", "r0");
    assertThat(t.searchRuns(List.of("exp"), "metrics.rmse > 100", List.of(), 10)).isEmpty();
    assertThat(t.searchRuns(List.of("missing"), "", List.of(), 10)).isEmpty();
    assertThatThrownBy(() -> t.searchRuns(List.of("exp"), "metrics.rmse >", List.of(), 10))
        .hasMessageContaining("expected a number");
    assertThat(t.experimentNames()).containsExactly("exp");
    var page = t.searchRuns(new RunQuery(List.of(), "", List.of("metrics.rmse ASC"), 2, Optional.empty()));
    assertThat(page.runs()).hasSize(2);
    assertThat(t.searchRuns(new RunQuery(List.of(), "", List.of("metrics.rmse ASC"), 2, page.nextPageToken())).runs())
        .extracting(RunRecord::runName).containsExactly("r2");
  }

  @Test
  void syncPushesOfflineRunsOnceAndKeepsParents() {
    String parentId;
    String childId;
    String runningId;
    FileTracker local = FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build());
    ActiveRun running;
    try (ActiveRun parent = local.startRun("offline", "sweep")) {
      parentId = parent.runId();
      parent.logParam("grid", "lr");
      try (ActiveRun child = local.startChildRun(parentId, "trial")) {
        childId = child.runId();
        child.logParam("lr", "0.1").logMetric("loss", 2, 0).logMetric("loss", 1, 1).logInput(DATA, "training");
      }
      running = local.startRun("offline", "still-running");
      runningId = running.runId();
      running.logMetric("loss", 5, 0);
      local.flush();
    }
    MlflowTracker remote = MlflowTracker.connect(config().build());
    MlflowSync.SyncReport first = MlflowSync.sync(local, remote);
    assertThat(first.created()).isEqualTo(3);
    assertThat(server.runCount()).isEqualTo(3);

    RunRecord child = remote.findRun(first.remoteIds().get(childId)).orElseThrow();
    assertThat(child.parentRunId()).contains(first.remoteIds().get(parentId));
    assertThat(child.params()).containsEntry("lr", "0.1");
    assertThat(child.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(child.inputs()).extracting(i -> i.dataset().digest()).containsExactly("sha256:feed");
    assertThat(remote.metricHistory(child.runId(), "loss"))
        .isEqualTo(local.metricHistory(childId, "loss"));

    running.logMetric("loss", 4, 1);
    running.close();
    MlflowSync.SyncReport second = MlflowSync.sync(local, remote);
    assertThat(second.created()).isZero();
    assertThat(second.skipped()).isEqualTo(2);
    assertThat(second.resumed()).isEqualTo(1);
    assertThat(server.runCount()).isEqualTo(3);
    assertThat(remote.metricHistory(first.remoteIds().get(runningId), "loss")).extracting(MetricPoint::value)
        .containsExactly(5.0, 4.0);
    MlflowSync.SyncReport third = MlflowSync.sync(local, remote);
    assertThat(List.of(third.created(), third.resumed(), third.skipped())).containsExactly(0, 0, 3);
    local.close();
  }

  @Test
  void threadsLoggingToOneRunLoseNothing() throws Exception {
    MlflowTracker t = MlflowTracker.connect(config().build());
    ActiveRun run = t.startRun("exp", "threads");
    List<Thread> threads = new ArrayList<>();
    for (int th = 0; th < 4; th++) {
      String key = "m" + th;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 700; i++) {
          run.logMetric(key, i, i);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread th : threads) {
      th.join();
    }
    run.close();
    for (int th = 0; th < 4; th++) {
      assertThat(t.metricHistory(run.runId(), "m" + th)).hasSize(700);
    }
  }

  @Test
  void unreachableServerIsAStoreErrorNamingIt() {
    MlflowConfig c = MlflowConfig.builder(java.net.URI.create("http://127.0.0.1:1")).maxRetries(1)
        .initialBackoff(Duration.ZERO).gitDirectory(null).build();
    assertThatThrownBy(() -> MlflowTracker.connect(c).startRun("exp", "r"))
        .isInstanceOf(StoreException.class).hasMessageContaining("cannot reach the MLflow server http://127.0.0.1:1 after 2 attempts");
  }

  @Test
  void readsMlflowsRetryAndTimeoutVariables() {
    MlflowConfig c = MlflowConfig.fromEnvironment(server.uri(), Map.of("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2",
        "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.5", "MLFLOW_HTTP_REQUEST_TIMEOUT", "30")).build();
    assertThat(List.of(c.maxRetries(), c.initialBackoff(), c.requestTimeout()))
        .containsExactly(2, Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThatThrownBy(() -> MlflowConfig.fromEnvironment(server.uri(), Map.of("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "many")))
        .hasMessageContaining("MLFLOW_HTTP_REQUEST_MAX_RETRIES must be a number, was 'many'");
  }

  @Test
  void rejectsBadConfig() {
    assertThatThrownBy(() -> MlflowConfig.builder(java.net.URI.create("file:///tmp")).build())
        .hasMessageContaining("trackingUri must be an http or https URL, was file:///tmp");
    assertThatThrownBy(() -> MlflowConfig.builder(server.uri()).bearerToken("a").basicAuth("u", "p").build())
        .hasMessageContaining("either a bearer token or basic auth");
  }
}
