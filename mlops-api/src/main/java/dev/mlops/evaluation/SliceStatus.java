package dev.mlops.evaluation;

/**
 * The verdict on one slice of a {@link SliceReport}.
 *
 * <p>Immutable and thread-safe.
 */
public enum SliceStatus {
  /** Evaluated; not significantly worse than overall. */
  OK,
  /** Evaluated; its confidence interval lies entirely on the worse side of the overall metric. */
  SIGNIFICANTLY_WORSE,
  /** Fewer examples than the minimum slice size: counted, but no metric is reported. */
  TOO_SMALL,
  /** Large enough, but the metric is undefined on it (e.g. no positive example for recall). */
  METRIC_UNDEFINED
}
