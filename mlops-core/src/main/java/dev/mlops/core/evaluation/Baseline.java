package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named reference the model is compared with: a given number (human-level performance measured
 * elsewhere, or a product target), numbers per group (HLP per tag, as in the lifecycle notes'
 * table), or the predictions of another model or rule, evaluated on the same examples.
 *
 * <p>Immutable and thread-safe.
 */
public final class Baseline {
  /** The group name of all examples in per-group maps and comparisons: {@value}. */
  public static final String OVERALL = "overall";

  @FunctionalInterface
  private interface Source {
    Optional<MetricValue> value(SliceMetric metric, EvaluationData data, String group, int[] rows);
  }

  private final String name;
  private final Source source;

  private Baseline(String name, Source source) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("baseline name must not be blank");
    }
    this.source = source;
  }

  /** Returns the baseline's name. */
  public String name() {
    return name;
  }

  /**
   * Returns the baseline's metric on a group of examples; empty when a per-group baseline has no
   * number for the group.
   */
  public Optional<MetricValue> value(
      SliceMetric metric, EvaluationData data, String group, int[] rows) {
    return source.value(metric, data, group, rows);
  }

  /**
   * The same number for every group, e.g. {@code constant("HLP", 0.95)}.
   *
   * @throws IllegalArgumentException if the value is not finite
   */
  public static Baseline constant(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("baseline '" + name + "' value must be finite, was " + value);
    }
    MetricValue v = MetricValue.of(value);
    return new Baseline(name, (m, d, g, r) -> Optional.of(v));
  }

  /**
   * A number per group (tag or slice name, {@link #OVERALL} for all examples); groups without a
   * number are reported as skipped.
   *
   * @throws IllegalArgumentException if a value is not finite
   */
  public static Baseline perGroup(String name, Map<String, Double> values) {
    Map<String, MetricValue> copy = new HashMap<>();
    values.forEach((group, v) -> {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "baseline '" + name + "' value for '" + group + "' must be finite, was " + v);
      }
      copy.put(group, MetricValue.of(v));
    });
    return new Baseline(name, (m, d, g, r) -> Optional.ofNullable(copy.get(g)));
  }

  /**
   * Another model's or a rule's predictions on the same examples (a previous model version, a
   * heuristic); the metric is computed on them for each group.
   *
   * @param predictions one per example of the data it will be used with
   */
  public static Baseline predictions(String name, List<String> predictions) {
    List<String> copy = List.copyOf(predictions);
    return new Baseline(name, (m, d, g, r) -> {
      if (copy.size() != d.size()) {
        throw new IllegalArgumentException("baseline '" + name + "' has " + copy.size()
            + " predictions but the data has " + d.size() + " examples");
      }
      return Optional.of(m.compute(d.actual(), copy, r));
    });
  }

  /** Always predicting {@code label}, e.g. the training data's majority class. */
  public static Baseline majorityClass(String label) {
    Objects.requireNonNull(label, "label");
    return new Baseline("majority class ('" + label + "')", (m, d, g, r) -> {
      List<String> constant = java.util.Collections.nCopies(d.size(), label);
      return Optional.of(m.compute(d.actual(), constant, r));
    });
  }

  /**
   * Always predicting the most frequent actual label of {@code data} (ties: the smallest label).
   * Fit on the evaluation data itself, so it is slightly optimistic; prefer {@link
   * #majorityClass(String)} with the training data's majority when known.
   */
  public static Baseline majorityClass(EvaluationData data) {
    Map<String, Integer> counts = new TreeMap<>();
    data.actual().forEach(a -> counts.merge(a, 1, Integer::sum));
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return majorityClass(best);
  }

  @Override
  public String toString() {
    return "Baseline[" + name + "]";
  }
}
