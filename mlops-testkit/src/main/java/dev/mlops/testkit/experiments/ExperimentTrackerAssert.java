package dev.mlops.testkit.experiments;

import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what an {@link ExperimentTracker} recorded; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(ExperimentTracker)}:
 *
 * <pre>{@code
 * assertThat(tracker).hasRun("churn", "nightly")
 *     .withStatus(RunStatus.FINISHED)
 *     .withParam("model", "logistic")
 *     .withMetric("auc", 0.91, 1e-9);
 * }</pre>
 *
 * <p>The tracker is flushed before it is read. Not thread-safe (one per assertion chain).
 */
public final class ExperimentTrackerAssert
    extends AbstractAssert<ExperimentTrackerAssert, ExperimentTracker> {
  /** The most runs of one experiment the search reads: {@value}. */
  public static final int MAX_RUNS = 10_000;

  /** Creates assertions on {@code actual}. */
  public ExperimentTrackerAssert(ExperimentTracker actual) {
    super(actual, ExperimentTrackerAssert.class);
  }

  /**
   * Verifies that the experiment has a run of this name (the latest started, if several) and
   * starts assertions on it.
   */
  public RunAssert hasRun(String experimentName, String runName) {
    isNotNull();
    actual.flush();
    if (!actual.experimentNames().contains(experimentName)) {
      failWithMessage("Expected a run '%s' in experiment '%s' but there is no such experiment; experiments: %s",
          runName, experimentName, actual.experimentNames());
    }
    List<RunRecord> runs = actual.searchRuns(
        new RunQuery(List.of(experimentName), "", List.of(), MAX_RUNS, Optional.empty())).runs();
    Optional<RunRecord> run = runs.stream().filter(r -> r.runName().equals(runName))
        .max(java.util.Comparator.comparing(RunRecord::startTime));
    if (run.isEmpty()) {
      failWithMessage("Expected a run '%s' in experiment '%s' but its runs are %s",
          runName, experimentName, runs.stream().map(RunRecord::runName).toList());
    }
    return new RunAssert(run.orElseThrow());
  }

  /** AssertJ assertions on one recorded run. Not thread-safe. */
  public static final class RunAssert extends AbstractAssert<RunAssert, RunRecord> {

    /** Creates assertions on {@code actual}. */
    public RunAssert(RunRecord actual) {
      super(actual, RunAssert.class);
    }

    /** Verifies the run's status. */
    public RunAssert withStatus(RunStatus expected) {
      if (actual.status() != expected) {
        failWithMessage("Expected run '%s' to be %s but it is %s", actual.runName(), expected, actual.status());
      }
      return this;
    }

    /** Verifies a param's value. */
    public RunAssert withParam(String key, String expected) {
      if (!expected.equals(actual.params().get(key))) {
        failWithMessage("Expected run '%s' to have param %s=%s but its params are %s",
            actual.runName(), key, expected, actual.params());
      }
      return this;
    }

    /** Verifies a tag's value. */
    public RunAssert withTag(String key, String expected) {
      if (!expected.equals(actual.tags().get(key))) {
        failWithMessage("Expected run '%s' to have tag %s=%s but it has %s",
            actual.runName(), key, expected, actual.tags().get(key));
      }
      return this;
    }

    /** Verifies that the metric's latest value is exactly {@code expected}. */
    public RunAssert withMetric(String key, double expected) {
      return withMetric(key, expected, 0);
    }

    /** Verifies that the metric's latest value is within {@code tolerance} of {@code expected}. */
    public RunAssert withMetric(String key, double expected, double tolerance) {
      MetricPoint p = actual.latestMetrics().get(key);
      if (p == null) {
        failWithMessage("Expected run '%s' to have metric '%s' but its metrics are %s",
            actual.runName(), key, actual.latestMetrics().keySet());
      } else if (!(Math.abs(p.value() - expected) <= tolerance)
          && Double.compare(p.value(), expected) != 0) {
        failWithMessage("Expected metric '%s' of run '%s' to be %s (within %s) but it is %s at step %d",
            key, actual.runName(), expected, tolerance, p.value(), p.step());
      }
      return this;
    }
  }
}
