package dev.mlops.core.experiments;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import dev.mlops.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTrackerTest {
  private final TestClock clock = TestClock.create();
  private final InMemoryTracker tracker = InMemoryTracker.create(clock);

  @Test
  void idsAndTimesAreDeterministic() {
    String id;
    try (ActiveRun run = tracker.startRun("churn", "nightly")) {
      id = run.runId();
      clock.advance(Duration.ofSeconds(5));
      run.logMetric("auc", 0.91);
    }
    assertThat(id).isEqualTo("00000000000000000000000000000001");
    RunRecord r = tracker.findRun(id).orElseThrow();
    assertThat(r.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(r.endTime()).contains(Instant.parse("2026-01-01T00:00:05Z"));
    assertThat(tracker.metricHistory(id, "auc")).singleElement()
        .satisfies(p -> assertThat(p.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z")));
    assertThat(tracker).hasRun("churn", "nightly").withStatus(RunStatus.FINISHED).withMetric("auc", 0.91, 1e-12);
  }

  @Test
  void keepsArtifactsAsCopies() {
    byte[] content = "model".getBytes(StandardCharsets.UTF_8);
    String id;
    try (ActiveRun run = tracker.startRun("churn", "r")) {
      id = run.runId();
      run.logArtifact("models/m.onnx", content);
    }
    content[0] = 'X';
    assertThat(tracker.artifact(id, "models/m.onnx")).hasValueSatisfying(
        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("model"));
    tracker.artifact(id, "models/m.onnx").orElseThrow()[0] = 'Y';
    assertThat(tracker.artifact(id, "models/m.onnx").orElseThrow()[0]).isEqualTo((byte) 'm');
    assertThat(tracker.artifact(id, "other")).isEmpty();
    assertThatThrownBy(() -> tracker.artifact("nope", "x"))
        .hasMessage("run 'nope' does not exist in the in-memory tracker");
  }

  @Test
  void pagesThroughSearchResults() {
    for (int i = 0; i < 5; i++) {
      try (ActiveRun run = tracker.startRun("churn", "r" + i)) {
        run.logMetric("loss", i);
      }
    }
    RunPage first = tracker.searchRuns(new RunQuery(List.of(), "", List.of("metrics.loss ASC"), 2, Optional.empty()));
    RunPage second = tracker.searchRuns(new RunQuery(List.of(), "", List.of("metrics.loss ASC"), 2, first.nextPageToken()));
    assertThat(first.runs()).extracting(RunRecord::runName).containsExactly("r0", "r1");
    assertThat(second.runs()).extracting(RunRecord::runName).containsExactly("r2", "r3");
    assertThat(tracker.searchRuns(List.of("other"), "", List.of(), 10)).isEmpty();
    assertThatThrownBy(() -> tracker.searchRuns(new RunQuery(List.of(), "", List.of(), 2, Optional.of("x!"))))
        .hasMessageStartingWith("invalid page token 'x!'");
  }

  @Test
  void refusesWhatTheFileStoreRefuses() {
    ActiveRun run = tracker.startRun("churn", "r");
    assertThatThrownBy(() -> tracker.startChildRun("0000000000000000000000000000000f", "c"))
        .hasMessage("parent run '0000000000000000000000000000000f' does not exist in the in-memory tracker");
    run.end(RunStatus.FAILED);
    assertThatThrownBy(() -> run.end(RunStatus.FINISHED)).hasMessageContaining("already ended as FAILED");
    assertThatThrownBy(() -> run.logMetric("loss", 1)).hasMessageContaining("has ended (FAILED)");
    tracker.close();
    assertThatThrownBy(() -> tracker.startRun("churn", "again")).hasMessage("the in-memory tracker is closed");
    assertThat(tracker.findRun(run.runId())).isPresent();
  }
}
