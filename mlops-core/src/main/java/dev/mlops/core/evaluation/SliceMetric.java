package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import java.util.List;
import java.util.Objects;

/**
 * A label-based metric computed on a subset of examples: what slices, baselines and the
 * prioritization table compare. Unlike the report's precision and recall, a zero denominator here
 * makes the value {@code UNDEFINED}: substituting 0 would make a tiny slice look significantly
 * worse.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface SliceMetric {

  /** Returns the metric's name, e.g. "accuracy" or "recall(malignant)". */
  String name();

  /** Returns whether larger values are better. */
  boolean higherIsBetter();

  /**
   * Computes the metric on the examples at {@code rows} (repeats allowed, as in a bootstrap
   * resample).
   *
   * @param actual the actual labels of all examples
   * @param predicted the predicted labels of all examples
   * @param rows the examples to use
   */
  MetricValue compute(List<String> actual, List<String> predicted, int[] rows);

  /** Share of correct predictions. */
  static SliceMetric accuracy() {
    return LabelMetric.ACCURACY;
  }

  /** Share of wrong predictions (lower is better). */
  static SliceMetric errorRate() {
    return LabelMetric.ERROR_RATE;
  }

  /** Recall of one class: how many of its examples are predicted as it. */
  static SliceMetric recall(String label) {
    return new ClassMetric(ClassMetric.Kind.RECALL, Objects.requireNonNull(label, "label"));
  }

  /** Precision of one class: how many of the examples predicted as it are it. */
  static SliceMetric precision(String label) {
    return new ClassMetric(ClassMetric.Kind.PRECISION, Objects.requireNonNull(label, "label"));
  }

  /** F1 of one class. */
  static SliceMetric f1(String label) {
    return new ClassMetric(ClassMetric.Kind.F1, Objects.requireNonNull(label, "label"));
  }
}
