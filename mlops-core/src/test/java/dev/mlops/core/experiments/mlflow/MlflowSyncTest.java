package dev.mlops.core.experiments.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mlops.StoreException;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncing the embedded store to a server that enforces MLflow's rules. */
class MlflowSyncTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** A digest as the SDK computes it: "sha256:" + 64 hex digits, 71 characters. */
  static final String FULL_DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
  static final DatasetVersion DATA = new DatasetVersion("bcw", FULL_DIGEST, true, Optional.of("sha256:spec"), 569,
      "data/bcw.csv", T0, "demo", Map.of());

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

  MlflowTracker remote() {
    return MlflowTracker.connect(MlflowConfig.builder(server.uri()).initialBackoff(Duration.ZERO).maxRetries(1)
        .gitDirectory(null).clock(Clock.fixed(T0, ZoneOffset.UTC)).build());
  }

  FileTracker local() {
    return FileTracker.open(FileTrackerConfig.builder(dir.resolve("store")).gitDirectory(null).build());
  }

  @Test
  void theStandInRejectsDigestsLongerThanMlflowsColumn() {
    MlflowTracker t = remote();
    ActiveRun run = t.startRun("exp", "r");
    ArrayNode inputs = MlflowApi.JSON.createArrayNode();
    inputs.addObject().putObject("dataset").put("name", "bcw").put("digest", FULL_DIGEST).put("source_type", "local")
        .put("source", "x");
    assertThatThrownBy(() -> t.api().logInputs(run.runId(), inputs))
        .isInstanceOfSatisfying(MlflowServerException.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE"))
        .hasMessageContaining("'digest' exceeds the maximum length of 36 characters");
  }

  @Test
  void fullSha256DigestsSyncAndAreFoundByTheFullDigest() {
    String localId;
    try (FileTracker local = local()) {
      try (ActiveRun run = local.startRun("exp", "train")) {
        localId = run.runId();
        run.logInput(DATA, "training").logMetric("loss", 0.5, 0);
      }
      MlflowTracker remote = remote();
      MlflowSync.SyncReport report = MlflowSync.sync(local, remote);
      String remoteId = report.remoteIds().get(localId);
      assertThat(server.datasets(remoteId)).singleElement().satisfies(d -> {
        assertThat(d.path("digest").asText()).hasSizeLessThanOrEqualTo(36).isEqualTo("0123456789abcdef".repeat(2)
            + "0123");
        assertThat(d.path("profile").asText()).contains(FULL_DIGEST).contains("sha256:spec");
        assertThat(d.has("schema")).as("no schema that is not MLflow's column spec").isFalse();
      });
      RunRecord synced = remote.findRun(remoteId).orElseThrow();
      assertThat(synced.status()).isEqualTo(RunStatus.FINISHED);
      assertThat(synced.inputs()).singleElement().satisfies(i -> assertThat(i.dataset()).isEqualTo(DATA));
      String byDigest = "datasets.digest = '" + FULL_DIGEST + "'";
      assertThat(remote.searchRuns(RunQuery.of(List.of("exp"), byDigest, List.of())).runs())
          .extracting(RunRecord::runId).containsExactly(remoteId);
      assertThat(remote.searchRuns(RunQuery.of(List.of("exp"), "datasets.digest IN ('x', '" + FULL_DIGEST + "')",
          List.of())).runs()).hasSize(1);
      assertThat(local.searchRuns(RunQuery.of(List.of("exp"), byDigest, List.of())).runs())
          .extracting(RunRecord::runId).containsExactly(localId);
    }
  }

  @Test
  void aSyncFailingMidwaySaysWhichRunsAreCompleteAndTheNextSyncResumes() {
    String first;
    String second;
    try (FileTracker local = local()) {
      try (ActiveRun run = local.startRun("exp", "first")) {
        first = run.runId();
        run.logMetric("loss", 1, 0);
      }
      try (ActiveRun run = local.startRun("exp", "second")) {
        second = run.runId();
        run.logInput(DATA, "training");
        for (int i = 0; i < 1200; i++) {
          run.logMetric("loss", i, i);
        }
      }
      server.failEndpoint("runs/log-inputs", 1, 400, "INVALID_PARAMETER_VALUE", "injected");
      MlflowTracker remote = remote();
      assertThatThrownBy(() -> MlflowSync.sync(local, remote))
          .isInstanceOfSatisfying(MlflowSync.SyncFailedException.class, e -> {
            assertThat(e.failedRunId()).isEqualTo(second);
            assertThat(e.partial().created()).isEqualTo(1);
            assertThat(e.partial().remoteIds()).containsKey(first);
            assertThat(e.incompleteRemoteRunId()).isPresent();
            assertThat(e.notSent()).isZero();
            assertThat(server.runStatus(e.incompleteRemoteRunId().get())).isEqualTo("RUNNING");
          })
          .hasMessageContaining("1 run(s) fully synced").hasMessageContaining("the next sync resumes it")
          .hasMessageContaining("injected");
      assertThat(MlflowSync.plan(local, remote)).extracting(p -> p.run().runId(), MlflowSync.PlannedRun::action,
          MlflowSync.PlannedRun::metricPoints).containsExactly(
              org.assertj.core.groups.Tuple.tuple(first, MlflowSync.Action.SKIP, 0L),
              org.assertj.core.groups.Tuple.tuple(second, MlflowSync.Action.RESUME, 1200L));
      List<MlflowSync.SyncProgress> progress = new java.util.ArrayList<>();
      MlflowSync.SyncReport again = MlflowSync.sync(local, remote, progress::add);
      assertThat(progress).containsExactly(new MlflowSync.SyncProgress(1, 2, first, MlflowSync.Action.SKIP, 0),
          new MlflowSync.SyncProgress(2, 2, second, MlflowSync.Action.RESUME, 1200));
      assertThat(List.of(again.created(), again.resumed(), again.skipped())).containsExactly(0, 1, 1);
      String remoteSecond = again.remoteIds().get(second);
      assertThat(server.runStatus(remoteSecond)).isEqualTo("FINISHED");
      assertThat(server.points(remoteSecond, "loss")).isEqualTo(1200);
      assertThat(server.datasets(remoteSecond)).hasSize(1);
    }
  }

  @Test
  void aDeletedExperimentIsReportedWithTheFix() {
    MlflowTracker t = remote();
    t.startRun("exp", "r").close();
    server.deleteExperiment("exp");
    assertThatThrownBy(() -> remote().startRun("exp", "again"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("experiment 'exp' (id 1) is deleted")
        .hasMessageContaining("mlflow experiments restore --experiment-id 1")
        .hasMessageContaining("choose another experiment name");
    assertThat(t.experimentNames()).isEmpty();
  }
}
