package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import java.util.List;

/** Accuracy and error rate as {@link SliceMetric}s. */
record LabelMetric(String name, boolean higherIsBetter) implements SliceMetric {
  static final LabelMetric ACCURACY = new LabelMetric("accuracy", true);
  static final LabelMetric ERROR_RATE = new LabelMetric("error_rate", false);

  @Override
  public MetricValue compute(List<String> actual, List<String> predicted, int[] rows) {
    if (rows.length == 0) {
      return MetricValue.undefined("no examples");
    }
    long correct = 0;
    for (int r : rows) {
      if (actual.get(r).equals(predicted.get(r))) {
        correct++;
      }
    }
    long counted = higherIsBetter ? correct : rows.length - correct;
    return MetricValue.of((double) counted / rows.length);
  }
}
