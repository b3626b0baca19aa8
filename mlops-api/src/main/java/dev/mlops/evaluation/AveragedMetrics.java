package dev.mlops.evaluation;

import java.util.Objects;

/**
 * Precision, recall and F1 averaged over classes one way (macro, micro or weighted, as in
 * scikit-learn's {@code average} parameter).
 *
 * <p>Immutable and thread-safe.
 *
 * @param precision the averaged precision
 * @param recall the averaged recall
 * @param f1 the averaged F1 (for micro: the F1 of micro precision and recall)
 */
public record AveragedMetrics(MetricValue precision, MetricValue recall, MetricValue f1) {
  /** Checks arguments. */
  public AveragedMetrics {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(recall, "recall");
    Objects.requireNonNull(f1, "f1");
  }
}
