package dev.mlops.evaluation;

import java.util.Objects;

/**
 * Precision, recall and F1 of one class, with its support (scikit-learn's
 * {@code precision_recall_fscore_support} with {@code average=None}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the class
 * @param support how many examples have this class as their actual label
 * @param predicted how many examples were predicted as this class
 * @param precision true positives / predicted
 * @param recall true positives / support
 * @param f1 harmonic mean of precision and recall (0 when both are 0)
 */
public record ClassMetrics(
    String label,
    long support,
    long predicted,
    MetricValue precision,
    MetricValue recall,
    MetricValue f1) {
  /** Checks arguments. */
  public ClassMetrics {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(recall, "recall");
    Objects.requireNonNull(f1, "f1");
  }
}
