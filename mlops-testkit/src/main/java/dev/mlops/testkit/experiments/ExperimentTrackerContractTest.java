package dev.mlops.testkit.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import dev.mlops.experiments.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExperimentTracker} backend must do, so that code moves between the embedded
 * store and an MLflow server unchanged: runs and their params, tags, metrics and inputs read back
 * as written, params are write-once, keys and artifact paths are checked, nested runs, search,
 * comparison, and ended runs reject values. mlops-core's file store and MLflow client pass it; a
 * new backend extends it in its own tests:
 *
 * <pre>{@code
 * class MyTrackerContractTest extends ExperimentTrackerContractTest {
 *   @Override
 *   protected ExperimentTracker tracker() {
 *     return MyTracker.open(freshEmptyStore());
 *   }
 * }
 * }</pre>
 *
 * <p>Each test calls {@link #tracker()} once; close the tracker in an {@code @AfterEach} of the
 * subclass. The tracker also has to record the tags {@code mlops.seed} (from
 * {@link RunSpec#withSeed}) and {@code mlops.os.arch}. JUnit creates one instance per test method,
 * so instances are confined to one thread; this class keeps no shared state.
 */
public abstract class ExperimentTrackerContractTest {
  private static final DatasetVersion DATA = new DatasetVersion("bcw", "sha256:00ff", false, Optional.empty(), 569,
      "bcw.csv", Instant.parse("2026-01-01T00:00:00Z"), "contract", Map.of("k", "v"));

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected ExperimentTrackerContractTest() {}

  /**
   * Returns a new tracker over an empty store.
   *
   * @return the tracker under test, owned (and closed) by the subclass
   */
  protected abstract ExperimentTracker tracker();

  @Test
  void recordsAndReadsBackARun() {
    ExperimentTracker t = tracker();
    String id;
    try (ActiveRun run = t.startRun(RunSpec.of("contract", "run").withSeed(5).withTags(Map.of("team", "a")))) {
      id = run.runId();
      run.logParam("model", "tree").setTag("team", "b");
      run.logMetric("loss", 2, 0).logMetric("loss", 1, 1).logMetric("loss", Double.NaN, 2);
      run.logInput(DATA, "evaluation");
    }
    t.flush();
    RunRecord r = t.findRun(id).orElseThrow();
    assertThat(r.experimentName()).isEqualTo("contract");
    assertThat(r.runName()).isEqualTo("run");
    assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(r.endTime()).isPresent();
    assertThat(r.params()).containsEntry("model", "tree");
    assertThat(r.tags()).containsEntry("team", "b").containsEntry("mlops.seed", "5").containsKey("mlops.os.arch");
    assertThat(r.latestMetrics().get("loss").step()).isEqualTo(2);
    assertThat(r.inputs()).containsExactly(new RunRecord.DatasetInput(DATA, "evaluation"));
    assertThat(t.metricHistory(id, "loss")).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L);
    assertThat(t.experimentNames()).contains("contract");
  }

  @Test
  void paramsAreWriteOnceAndKeysAreChecked() {
    ExperimentTracker t = tracker();
    try (ActiveRun run = t.startRun("contract", "r")) {
      run.logParam("lr", "0.1").logParam("lr", "0.1");
      assertThatThrownBy(() -> run.logParam("lr", "0.2")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("write-once");
      assertThatThrownBy(() -> run.logMetric("bad*key", 1)).hasMessageContaining("invalid metric key 'bad*key'");
      assertThatThrownBy(() -> run.logArtifact("../x", new byte[0])).hasMessageContaining("'..' segment");
    }
  }

  @Test
  void nestedRunsSearchAndCompare() {
    ExperimentTracker t = tracker();
    String parent;
    String a;
    String b;
    try (ActiveRun p = t.startRun("contract", "sweep")) {
      parent = p.runId();
      try (ActiveRun r = t.startChildRun(parent, "a")) {
        a = r.runId();
        r.logParam("model", "tree").logMetric("rmse", 0.3);
      }
      try (ActiveRun r = t.startChildRun(parent, "b")) {
        b = r.runId();
        r.logParam("model", "linear").logMetric("rmse", 0.7);
      }
    }
    t.flush();
    assertThat(t.findRun(a).orElseThrow().parentRunId()).contains(parent);
    assertThat(t.searchRuns(List.of("contract"), "metrics.rmse < 1 and params.model != 'svm'", List.of("metrics.rmse DESC"), 10))
        .extracting(RunRecord::runId).containsExactly(b, a);
    assertThat(t.searchRuns(List.of("contract"), "tags.`mlflow.parentRunId` = '" + parent + "'", List.of(), 10)).hasSize(2);
    assertThat(t.searchRuns(List.of("contract"), "metrics.rmse > 5", List.of(), 10)).isEmpty();
    RunComparison c = t.compareRuns(List.of(a, b));
    assertThat(c.differingParams()).containsKey("model");
    assertThat(c.metrics().get("rmse")).extracting(s -> s.orElseThrow().last()).containsExactly(0.3, 0.7);
  }

  @Test
  void endedRunsRejectValues() {
    ExperimentTracker t = tracker();
    ActiveRun run = t.startRun("contract", "r");
    run.end(RunStatus.KILLED);
    run.end(RunStatus.KILLED);
    assertThatThrownBy(() -> run.setTag("x", "y")).isInstanceOf(IllegalStateException.class);
    assertThat(t.findRun(run.runId()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
  }
}
