package dev.mlops.core.experiments.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing acknowledged is lost when the server fails, is down or rejects a batch. */
class MlflowDeliveryTest {
  TestMlflowServer server;
  MlflowTracker tracker;

  @BeforeEach
  void start() throws Exception {
    server = new TestMlflowServer();
    tracker = MlflowTracker.connect(MlflowConfig.builder(server.uri()).initialBackoff(Duration.ZERO).maxRetries(1)
        .gitDirectory(null).clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBatchWhoseRetriesRanOutIsSentAgainNotDropped() {
    ActiveRun run = tracker.startRun("exp", "r");
    server.failNext(2, 503); // the first batch's two attempts
    for (int i = 0; i < 1500; i++) {
      run.logMetric("m", i, i);
    }
    run.end(RunStatus.FINISHED);
    assertThat(server.points(run.runId(), "m")).isEqualTo(1500);
    assertThat(server.runStatus(run.runId())).isEqualTo("FINISHED");
    assertThat(tracker.metricHistory(run.runId(), "m")).extracting(p -> p.step())
        .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 1500).boxed().toList());
  }

  @Test
  void serverDownAtEndKeepsTheRunRunningAndCountsEveryUnsentPoint() throws Exception {
    ActiveRun run = tracker.startRun("exp", "r");
    run.logParam("lr", "0.1");
    run.logMetric("m", -1, 0);
    tracker.flush(); // acknowledged: on the server
    server.goDown();
    for (int i = 1; i <= 2500; i++) {
      run.logMetric("m", i, i); // two full batches go to the sender and fail there
    }
    run.setTag("phase", "done");
    assertThatThrownBy(() -> run.end(RunStatus.FINISHED))
        .isInstanceOfSatisfying(MlflowUnsentDataException.class, e -> {
          assertThat(e.kept()).isTrue();
          assertThat(e.metricPoints()).isEqualTo(2500);
          assertThat(e.params()).isZero();
          assertThat(e.tags()).isEqualTo(1);
          assertThat(e.runId()).isEqualTo(run.runId());
        })
        .hasMessageContaining("2500 metric point(s)").hasMessageContaining("stays RUNNING")
        .hasMessageContaining("cannot reach the MLflow server");
    server.comeBack();
    assertThat(server.runStatus(run.runId())).isEqualTo("RUNNING");
    assertThat(server.endTime(run.runId())).isZero();
    run.end(RunStatus.FINISHED); // the server is back: everything goes now
    assertThat(server.points(run.runId(), "m")).isEqualTo(2501);
    assertThat(server.runStatus(run.runId())).isEqualTo("FINISHED");
    assertThat(tracker.findRun(run.runId()).orElseThrow().tags()).containsEntry("phase", "done");
  }

  @Test
  void aRejectedBatchEndsTheRunAsFailedWithTheCountNeverFinished() {
    ActiveRun run = tracker.startRun("exp", "r");
    server.failEndpoint("runs/log-batch", 1, 400, "INVALID_PARAMETER_VALUE", "injected rejection");
    for (int i = 0; i < 1010; i++) {
      run.logMetric("m", i, i);
    }
    assertThatThrownBy(tracker::flush)
        .isInstanceOfSatisfying(MlflowUnsentDataException.class, e -> {
          assertThat(e.kept()).isFalse();
          assertThat(e.metricPoints()).isEqualTo(1000);
        })
        .hasMessageContaining("rejected by the server").hasMessageContaining("injected rejection");
    assertThatThrownBy(() -> run.end(RunStatus.FINISHED)).isInstanceOf(MlflowUnsentDataException.class);
    assertThat(server.runStatus(run.runId())).isEqualTo("FAILED");
    assertThat(tracker.findRun(run.runId()).orElseThrow().tags())
        .containsEntry(MlflowUnsentDataException.UNSENT_POINTS_TAG, "1000");
    assertThat(server.points(run.runId(), "m")).isEqualTo(10);
  }

  @Test
  void loggingDoesNotWaitForABatchInFlight() {
    ActiveRun run = tracker.startRun("exp", "r");
    CountDownLatch gate = server.holdBatches();
    // if a logMetric call waited for the held POST, this would never finish
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 5000; i++) {
        run.logMetric("m", i, i);
      }
    });
    gate.countDown();
    run.end(RunStatus.FINISHED);
    assertThat(server.points(run.runId(), "m")).isEqualTo(5000);
  }
}
