package dev.mlops.core.evaluation;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Quick-and-dirty baselines from the lifecycle notes, as {@link Model}s so {@link
 * ModelEvaluation} scores them with the same metrics as a trained model: always the majority
 * class, always the training mean, and the best one-feature threshold rule. Their scores are the
 * floor a real model must clear (next to human-level performance in the prioritization table).
 *
 * <p>Stateless and thread-safe; the models are immutable, compute in process, carry zero latency
 * and hold nothing to close.
 */
public final class QuickBaselines {
  private QuickBaselines() {}

  /** Always predicts the most frequent training class (ties: the smallest label). */
  public static Model majorityClass(Dataset train, String label) {
    String majority = majority(ModelEvaluation.labels(train, label));
    return new Fixed("majority-class", r -> majority, Double.NaN);
  }

  /**
   * Always predicts the mean of the numeric label.
   *
   * @throws IllegalArgumentException if the label is absent, not numeric or has no values
   */
  public static Model mean(Dataset train, String label) {
    double[] values = train.numeric(label).presentValues();
    if (values.length == 0) {
      throw new IllegalArgumentException("label '" + label + "' has no values");
    }
    double mean = Arrays.stream(values).sum() / values.length;
    return new Fixed("mean", null, mean);
  }

  /**
   * The single numeric feature and threshold whose rule "x &lt; t gives class A, else class B"
   * (each side's majority class) classifies the training rows best: a decision stump. Missing
   * values go with the lower side.
   *
   * @throws IllegalArgumentException if the data has no numeric feature other than the label
   */
  public static Model oneFeatureRule(Dataset train, String label) {
    List<String> labels = ModelEvaluation.labels(train, label);
    String fallback = majority(labels);
    String bestFeature = null;
    double bestThreshold = Double.NaN;
    String[] bestSides = null;
    int bestCorrect = -1;
    for (var column : train.columns()) {
      if (column.name().equals(label) || !(column instanceof NumericColumn n)) {
        continue;
      }
      double[] sorted = n.presentValues();
      Arrays.sort(sorted);
      double previous = Double.NaN;
      for (double t : sorted) {
        if (t == previous) {
          continue;
        }
        previous = t;
        String[] sides = new String[2];
        int correct = correct(n, labels, t, sides);
        if (correct > bestCorrect) {
          bestCorrect = correct;
          bestFeature = n.name();
          bestThreshold = t;
          bestSides = sides;
        }
      }
    }
    if (bestFeature == null) {
      throw new IllegalArgumentException(
          "a one-feature rule needs a numeric feature besides '" + label + "'");
    }
    String feature = bestFeature;
    double threshold = bestThreshold;
    String low = bestSides[0] == null ? fallback : bestSides[0];
    String high = bestSides[1] == null ? fallback : bestSides[1];
    return new Fixed("rule:" + feature + "<" + threshold, r -> {
      double x = r.getDouble(feature);
      return !(x >= threshold) ? low : high;
    }, Double.NaN);
  }

  private static int correct(NumericColumn n, List<String> labels, double t, String[] sides) {
    Map<String, Integer> below = new TreeMap<>();
    Map<String, Integer> above = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      (n.value(i) >= t ? above : below).merge(labels.get(i), 1, Integer::sum);
    }
    sides[0] = top(below);
    sides[1] = top(above);
    return (sides[0] == null ? 0 : below.get(sides[0]))
        + (sides[1] == null ? 0 : above.get(sides[1]));
  }

  private static String majority(List<String> labels) {
    Map<String, Integer> counts = new TreeMap<>();
    labels.forEach(l -> counts.merge(l, 1, Integer::sum));
    return top(counts);
  }

  private static String top(Map<String, Integer> sortedCounts) {
    String best = null;
    int count = 0;
    for (Map.Entry<String, Integer> e : sortedCounts.entrySet()) {
      if (e.getValue() > count) {
        best = e.getKey();
        count = e.getValue();
      }
    }
    return best;
  }

  /** A baseline: a label rule (classifier) or a constant score (regressor). */
  private static final class Fixed implements Model {
    private final String name;
    private final java.util.function.Function<Record, String> rule;
    private final double score;

    Fixed(String name, java.util.function.Function<Record, String> rule, double score) {
      this.name = name;
      this.rule = rule;
      this.score = score;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String version() {
      return "baseline";
    }

    @Override
    public Prediction predict(Record record) {
      Objects.requireNonNull(record, "record");
      return rule == null
          ? Prediction.regression(score, version(), Duration.ZERO)
          : Prediction.classification(rule.apply(record), Map.of(), version(), Duration.ZERO);
    }

    @Override
    public ModelDescriptor describe() {
      return ModelDescriptor.unknown(name, version());
    }

    @Override
    public void close() {
      // Nothing is held.
    }

    @Override
    public String toString() {
      return "QuickBaseline[" + name + "]";
    }
  }
}
