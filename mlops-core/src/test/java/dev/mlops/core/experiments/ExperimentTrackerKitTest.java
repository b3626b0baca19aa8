package dev.mlops.core.experiments;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.testkit.KitRunner;
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
import dev.mlops.testkit.ExperimentStore;
import dev.mlops.testkit.MlopsTest;
import dev.mlops.testkit.TestResources;
import dev.mlops.testkit.experiments.ExperimentTrackerContractTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker kit fails a tracker that silently drops params, and the tracker assertions read
 * what the file store recorded.
 */
@MlopsTest
class ExperimentTrackerKitTest {

  /** The file store behind a front that loses every param. */
  static final class ParamDroppingTracker implements ExperimentTracker {
    private final ExperimentTracker delegate;

    ParamDroppingTracker(ExperimentTracker delegate) {
      this.delegate = delegate;
    }

    @Override
    public ActiveRun startRun(RunSpec spec) {
      return new Forgetful(delegate.startRun(spec));
    }

    @Override
    public ActiveRun startChildRun(String parentRunId, String runName) {
      return new Forgetful(delegate.startChildRun(parentRunId, runName));
    }

    @Override
    public List<String> experimentNames() {
      return delegate.experimentNames();
    }

    @Override
    public Optional<RunRecord> findRun(String runId) {
      return delegate.findRun(runId);
    }

    @Override
    public List<MetricPoint> metricHistory(String runId, String key) {
      return delegate.metricHistory(runId, key);
    }

    @Override
    public RunPage searchRuns(RunQuery query) {
      return delegate.searchRuns(query);
    }

    @Override
    public RunComparison compareRuns(List<String> runIds) {
      return delegate.compareRuns(runIds);
    }

    @Override
    public void flush() {
      delegate.flush();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** A run whose params go nowhere. */
  record Forgetful(ActiveRun run) implements ActiveRun {
    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public ActiveRun logParam(String key, String value) {
      return this;
    }

    @Override
    public ActiveRun logMetric(String key, double value, long step) {
      run.logMetric(key, value, step);
      return this;
    }

    @Override
    public ActiveRun setTag(String key, String value) {
      run.setTag(key, value);
      return this;
    }

    @Override
    public ActiveRun logInput(DatasetVersion dataset, String context) {
      run.logInput(dataset, context);
      return this;
    }

    @Override
    public ActiveRun logArtifact(String relativePath, byte[] content) {
      run.logArtifact(relativePath, content);
      return this;
    }

    @Override
    public void end(RunStatus status) {
      run.end(status);
    }

    @Override
    public void close() {
      run.close();
    }
  }

  static class ParamDroppingKit extends ExperimentTrackerContractTest {
    @TempDir Path dir;
    private ExperimentTracker tracker;

    @Override
    protected ExperimentTracker tracker() {
      tracker = new ParamDroppingTracker(FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build()));
      return tracker;
    }

    @AfterEach
    void close() {
      tracker.close();
    }
  }

  @Test
  void failsATrackerThatDropsParams() {
    KitRunner.Result result = KitRunner.run(ParamDroppingKit.class);
    assertThat(result.failures()).isNotEmpty()
        .anySatisfy(f -> assertThat(f).startsWith("recordsAndReadsBackARun()"));
  }

  @Test
  void trackerAssertionsReadTheStore(@ExperimentStore Path store, TestResources resources) {
    ExperimentTracker tracker = resources.closeAfter(
        FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build()));
    try (ActiveRun run = tracker.startRun("churn", "nightly")) {
      run.logParam("model", "logistic").logMetric("auc", 0.91, 0).logMetric("auc", 0.93, 1);
    }
    assertThat(tracker).hasRun("churn", "nightly")
        .withStatus(RunStatus.FINISHED).withParam("model", "logistic").withMetric("auc", 0.93);
    assertThatThrownBy(() -> assertThat(tracker).hasRun("churn", "nightly").withMetric("auc", 0.91, 1e-3))
        .hasMessageContaining("Expected metric 'auc' of run 'nightly' to be 0.91 (within 0.001) but it is 0.93 at step 1");
    assertThatThrownBy(() -> assertThat(tracker).hasRun("churn", "weekly"))
        .hasMessageContaining("Expected a run 'weekly' in experiment 'churn' but its runs are [nightly]");
  }
}
