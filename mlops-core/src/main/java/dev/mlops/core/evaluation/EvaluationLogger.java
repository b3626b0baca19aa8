package dev.mlops.core.evaluation;

import dev.mlops.evaluation.BaselineComparison;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ErrorAnalysis;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.PrioritizationTable;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.scoping.KeyMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Logs evaluation results to an experiment-tracker run: headline metrics as run metrics under
 * their {@link KeyMetrics} names ({@code accuracy}, {@code f1.macro}, {@code roc.auc}; per class
 * {@code recall.class.<label>}; see {@code docs/metrics.md}), so the same {@code Objectives} read
 * a run, a report and a monitor; and the full reports and tables as JSON artifacts under
 * {@value #ARTIFACT_DIR}. An undefined metric is not logged as a metric; its reason becomes the
 * tag {@value #UNDEFINED_TAG_PREFIX}{@code <metric>} so the run shows why it is missing.
 *
 * <p>Stateless and thread-safe (the run itself is thread-safe).
 */
public final class EvaluationLogger {
  /** Prefix of the tag that explains an undefined metric: {@value}. */
  public static final String UNDEFINED_TAG_PREFIX = "eval.undefined.";

  /** Folder of the JSON artifacts within the run: {@value}. */
  public static final String ARTIFACT_DIR = "evaluation/";

  private EvaluationLogger() {}

  /** Logs a classification report: metrics and {@code evaluation/classification.json}. */
  public static void log(ActiveRun run, ClassificationReport report) {
    Objects.requireNonNull(run, "run");
    KeyMetricValues.of(report).forEach((key, value) -> metric(run, key, value));
    artifact(run, "classification.json", EvaluationJson.toJson(report));
  }

  /** Logs a regression report: metrics and {@code evaluation/regression.json}. */
  public static void log(ActiveRun run, RegressionReport report) {
    Objects.requireNonNull(run, "run");
    KeyMetricValues.of(report).forEach((key, value) -> metric(run, key, value));
    artifact(run, "regression.json", EvaluationJson.toJson(report));
  }

  /** Logs a slice report as {@code evaluation/slices-<metric>.json} and the flagged count. */
  public static void log(ActiveRun run, SliceReport report) {
    Objects.requireNonNull(run, "run");
    run.logMetric(KeyMetrics.SLICES_FLAGGED, report.flagged().size());
    artifact(run, "slices-" + keySafe(report.metric()) + ".json", EvaluationJson.toJson(report));
  }

  /** Logs a prioritization table as {@code evaluation/prioritization.json}. */
  public static void log(ActiveRun run, PrioritizationTable table) {
    Objects.requireNonNull(run, "run");
    artifact(run, "prioritization.json", EvaluationJson.toJson(table));
  }

  /** Logs an error analysis as {@code evaluation/errors.json} and the error count. */
  public static void log(ActiveRun run, ErrorAnalysis analysis) {
    Objects.requireNonNull(run, "run");
    run.logMetric(KeyMetrics.EVALUATION_ERRORS, analysis.errors());
    artifact(run, "errors.json", EvaluationJson.toJson(analysis));
  }

  /** Logs a baseline comparison as {@code evaluation/baselines.json}. */
  public static void log(ActiveRun run, BaselineComparison comparison) {
    Objects.requireNonNull(run, "run");
    artifact(run, "baselines.json", EvaluationJson.toJson(comparison));
  }

  private static void metric(ActiveRun run, String key, MetricValue value) {
    if (value.isDefined()) {
      run.logMetric(key, value.value());
    } else {
      run.setTag(UNDEFINED_TAG_PREFIX + key, truncate(value.reason()));
    }
  }

  private static void artifact(ActiveRun run, String file, String json) {
    run.logArtifact(ARTIFACT_DIR + file, json.getBytes(StandardCharsets.UTF_8));
  }

  /** MLflow keys allow letters, digits, '_', '-', '.', ' ' and '/'; replace anything else. */
  static String keySafe(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.\\-]", "_");
  }

  /** MLflow limits tag values to 5000 characters; reasons are short, but be safe. */
  private static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500);
  }
}
