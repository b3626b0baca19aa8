package dev.mlops.testkit;

import dev.mlops.data.Dataset;
import dev.mlops.data.ValidationReport;
import dev.mlops.deployment.Rollout;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.events.MlopsEvent;
import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.model.Model;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.testkit.data.DatasetAssert;
import dev.mlops.testkit.data.ValidationReportAssert;
import dev.mlops.testkit.deployment.RolloutAssert;
import dev.mlops.testkit.drift.DriftReportAssert;
import dev.mlops.testkit.drift.StreamingDetectorAssert;
import dev.mlops.testkit.evaluation.ClassificationReportAssert;
import dev.mlops.testkit.evaluation.RegressionReportAssert;
import dev.mlops.testkit.evaluation.SliceReportAssert;
import dev.mlops.testkit.events.RecordingConsumer;
import dev.mlops.testkit.experiments.ExperimentTrackerAssert;
import dev.mlops.testkit.labels.LabelConsistencyReportAssert;
import dev.mlops.testkit.model.ModelAssert;
import dev.mlops.testkit.monitoring.AlertsAssert;
import dev.mlops.testkit.monitoring.MonitorSnapshotAssert;

/**
 * AssertJ entry points for SDK values: {@code import static
 * dev.mlops.testkit.MlopsAssertions.assertThat;}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MlopsAssertions {
  private MlopsAssertions() {}

  /** Starts assertions on a dataset. */
  public static DatasetAssert assertThat(Dataset actual) {
    return new DatasetAssert(actual);
  }

  /** Starts assertions on a validation report. */
  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }

  /** Starts assertions on a model. */
  public static ModelAssert assertThat(Model actual) {
    return new ModelAssert(actual);
  }

  /** Starts assertions on a batch drift report. */
  public static DriftReportAssert assertThat(DriftReport actual) {
    return new DriftReportAssert(actual);
  }

  /** Starts assertions on what a streaming detector flags; feed it with {@code fedWith}. */
  public static StreamingDetectorAssert assertThat(StreamingDriftDetector actual) {
    return new StreamingDetectorAssert(actual);
  }

  /** Starts assertions on what a tracker recorded. */
  public static ExperimentTrackerAssert assertThat(ExperimentTracker actual) {
    return new ExperimentTrackerAssert(actual);
  }

  /** Starts assertions on a rollout: its state, the steps it reached, its gates and reasons. */
  public static RolloutAssert assertThat(Rollout actual) {
    return new RolloutAssert(actual);
  }

  /** Starts assertions on a classification evaluation: accuracy and per-class floors. */
  public static ClassificationReportAssert assertThat(ClassificationReport actual) {
    return new ClassificationReportAssert(actual);
  }

  /** Starts assertions on a regression evaluation: error ceilings and an R² floor. */
  public static RegressionReportAssert assertThat(RegressionReport actual) {
    return new RegressionReportAssert(actual);
  }

  /** Starts assertions on a slice report: which slices were flagged, and each slice's metric. */
  public static SliceReportAssert assertThat(SliceReport actual) {
    return new SliceReportAssert(actual);
  }

  /** Starts assertions on a label-agreement report: agreement floors and human-level performance. */
  public static LabelConsistencyReportAssert assertThat(LabelConsistencyReport actual) {
    return new LabelConsistencyReportAssert(actual);
  }

  /** Starts assertions on a monitor snapshot: alerts, errors, drift states, missing values, class mix. */
  public static MonitorSnapshotAssert assertThat(MonitorSnapshot actual) {
    return new MonitorSnapshotAssert(actual);
  }

  /** Starts assertions on the monitor alerts among the recorded events. */
  public static AlertsAssert assertThatAlerts(RecordingConsumer<? extends MlopsEvent> events) {
    return new AlertsAssert(events);
  }
}
