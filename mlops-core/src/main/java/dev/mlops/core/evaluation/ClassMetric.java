package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import java.util.List;

/** Precision, recall or F1 of one class as a {@link SliceMetric}. */
record ClassMetric(Kind kind, String label) implements SliceMetric {
  enum Kind {
    PRECISION,
    RECALL,
    F1
  }

  @Override
  public String name() {
    return kind.toString().toLowerCase(java.util.Locale.ROOT) + "(" + label + ")";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public MetricValue compute(List<String> actual, List<String> predicted, int[] rows) {
    long tp = 0;
    long support = 0;
    long predictedAs = 0;
    for (int r : rows) {
      boolean isLabel = actual.get(r).equals(label);
      boolean predictedLabel = predicted.get(r).equals(label);
      if (isLabel) {
        support++;
      }
      if (predictedLabel) {
        predictedAs++;
      }
      if (isLabel && predictedLabel) {
        tp++;
      }
    }
    return switch (kind) {
      case PRECISION -> predictedAs == 0
          ? MetricValue.undefined("no example predicted as '" + label + "'")
          : MetricValue.of((double) tp / predictedAs);
      case RECALL -> support == 0
          ? MetricValue.undefined("no example of class '" + label + "'")
          : MetricValue.of((double) tp / support);
      case F1 -> support + predictedAs == 0
          ? MetricValue.undefined("class '" + label + "' neither occurs nor is predicted")
          : MetricValue.of(2.0 * tp / (support + predictedAs));
    };
  }
}
