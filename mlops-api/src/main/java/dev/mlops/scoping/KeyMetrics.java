package dev.mlops.scoping;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The project's one table of metric names, shared by evaluation (what it logs to runs and writes
 * under {@code key_metrics} in JSON reports), objectives and rollout gates (what they read) and
 * monitoring (what its meters are named, by {@link #meterName(String)}), so an {@link Objectives}
 * entry declared once is read by all of them. {@code docs/metrics.md} lists every name with its
 * unit, tags and where it appears; a test keeps the two in agreement. Any other lower-case,
 * dot-separated name is allowed too.
 *
 * <p>A metric measured per feature, class or failure kind carries a tag ({@link #TAG_FEATURE},
 * {@link #TAG_CLASS}, {@link #TAG_KIND}). Meters carry it as a Micrometer tag; stores without tags
 * (experiment runs) append it: {@code <name>.<tag>.<value>}, e.g. {@code recall.class.malignant}.
 *
 * <p>Constants only; thread-safe.
 */
public final class KeyMetrics {
  // ---- model quality (evaluation, gates) ----

  /** Share of correct predictions: {@value}. */
  public static final String ACCURACY = "accuracy";
  /** Precision, per class with tag {@link #TAG_CLASS}: {@value}. */
  public static final String PRECISION = "precision";
  /** Recall, per class with tag {@link #TAG_CLASS}: {@value}. */
  public static final String RECALL = "recall";
  /** Macro-averaged precision: {@value}. */
  public static final String PRECISION_MACRO = "precision.macro";
  /** Macro-averaged recall: {@value}. */
  public static final String RECALL_MACRO = "recall.macro";
  /** Macro-averaged F1: {@value}. */
  public static final String F1_MACRO = "f1.macro";
  /** Support-weighted F1: {@value}. */
  public static final String F1_WEIGHTED = "f1.weighted";
  /** Area under the ROC curve (binary, or one-vs-rest macro): {@value}. */
  public static final String ROC_AUC = "roc.auc";
  /** Average precision (area under the precision-recall curve): {@value}. */
  public static final String AVERAGE_PRECISION = "average_precision";
  /** Mean log loss (cross-entropy) of the predicted probabilities: {@value}. */
  public static final String LOG_LOSS = "log_loss";
  /** Brier score of the predicted probabilities: {@value}. */
  public static final String BRIER_SCORE = "brier_score";
  /** Mean absolute error: {@value}. */
  public static final String MAE = "mae";
  /** Root mean squared error: {@value}. */
  public static final String RMSE = "rmse";
  /** Mean absolute percentage error: {@value}. */
  public static final String MAPE = "mape";
  /** Coefficient of determination: {@value}. */
  public static final String R2 = "r2";
  /** Number of misclassified examples in an error analysis: {@value}. */
  public static final String EVALUATION_ERRORS = "evaluation.errors";
  /** Number of slices flagged as underperforming: {@value}. */
  public static final String SLICES_FLAGGED = "slices.flagged";

  // ---- input and output (monitoring) ----

  /** Share of requests missing a feature, tag {@link #TAG_FEATURE}: {@value}. */
  public static final String INPUT_MISSING_RATE = "input.missing.rate";
  /** Share of requests with a feature outside its spec, tag {@link #TAG_FEATURE}: {@value}. */
  public static final String INPUT_OUT_OF_SPEC_RATE = "input.out_of_spec.rate";
  /** Share of predictions with no usable output (null, NaN): {@value}. */
  public static final String OUTPUT_NULL_RATE = "output.null.rate";
  /** Share of predictions of a class, tag {@link #TAG_CLASS}: {@value}. */
  public static final String OUTPUT_CLASS_SHARE = "output.class.share";
  /**
   * A monitor's drift score of a feature in a window (the population stability index against the
   * reference, or a streaming detector's statistic), tag {@link #TAG_FEATURE}: {@value}.
   */
  public static final String DRIFT_SCORE = "drift.score";
  /** 1 when a feature drifted in a window, else 0, tag {@link #TAG_FEATURE}: {@value}. */
  public static final String DRIFT_DETECTED = "drift.detected";
  /** Share of live predictions that agree with the shadow model's: {@value}. */
  public static final String SHADOW_AGREEMENT = "shadow.agreement";
  /**
   * Total variation distance between the candidate's and the primary's predicted-class shares in
   * a rollout window (0: same shares, 1: disjoint): {@value}.
   */
  public static final String OUTPUT_DRIFT = "output.drift";

  // ---- software (monitoring, gates) ----

  /** 50th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P50_MS = "latency.p50.ms";
  /** 90th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P90_MS = "latency.p90.ms";
  /** 95th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P95_MS = "latency.p95.ms";
  /** 99th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P99_MS = "latency.p99.ms";
  /** Sustained predictions per second: {@value}. */
  public static final String THROUGHPUT_QPS = "throughput.qps";
  /** Share of requests that failed, overall or by failure kind with tag {@link #TAG_KIND}: {@value}. */
  public static final String ERROR_RATE = "error.rate";

  // ---- tags ----

  /** Tag naming the input feature: {@value}. */
  public static final String TAG_FEATURE = "feature";
  /** Tag naming the class label: {@value}. */
  public static final String TAG_CLASS = "class";
  /** Tag naming the failure kind (INVALID_INPUT, TIMEOUT, REJECTED, CLOSED, ENGINE): {@value}. */
  public static final String TAG_KIND = "kind";

  /** Prefix of every meter name: {@value}. */
  public static final String METER_PREFIX = "mlops.";

  private static final Pattern PERCENTILE = Pattern.compile("\\.p[0-9]+$");

  private KeyMetrics() {}

  /**
   * Maps a metric name to the Micrometer meter that measures it: prefix {@value #METER_PREFIX};
   * drop a trailing {@code .ms} (timers record in Micrometer's base unit and the registry
   * converts); then drop a trailing percentile segment {@code .p<digits>} (one timer publishes
   * every percentile). So {@code latency.p99.ms} and {@code latency.p50.ms} are both read from
   * {@code mlops.latency}, and {@code error.rate} is {@code mlops.error.rate}.
   *
   * @param metric a lower-case dot-separated metric name
   * @return the meter name
   */
  public static String meterName(String metric) {
    Objects.requireNonNull(metric, "metric");
    String name = metric.endsWith(".ms") ? metric.substring(0, metric.length() - 3) : metric;
    return METER_PREFIX + PERCENTILE.matcher(name).replaceFirst("");
  }

  /**
   * Returns the key of a tagged metric in a store without tags: {@code <metric>.<tag>.<value>},
   * the value lower-cased with characters outside {@code [a-z0-9_-]} replaced by {@code _}.
   */
  public static String taggedKey(String metric, String tag, String value) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(value, "value");
    String safe = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-]", "_");
    return metric + "." + tag + "." + safe;
  }
}
