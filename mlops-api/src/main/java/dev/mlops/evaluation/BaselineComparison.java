package dev.mlops.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's metric next to named baselines' (human-level performance, a previous model, a simple
 * rule, the majority class), overall and per slice.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric's name
 * @param baselineNames the baselines, in the order given
 * @param rows the first row is "overall", then one per slice
 */
public record BaselineComparison(String metric, List<String> baselineNames, List<Row> rows) {
  /** Copies the lists and checks arguments. */
  public BaselineComparison {
    Objects.requireNonNull(metric, "metric");
    baselineNames = List.copyOf(baselineNames);
    rows = List.copyOf(rows);
  }

  /**
   * The model and the baselines on one group of examples. Immutable and thread-safe.
   *
   * @param group "overall" or the slice's name
   * @param size examples in the group
   * @param model the model's metric
   * @param baselines each baseline's metric, by name
   */
  public record Row(String group, int size, MetricValue model, Map<String, MetricValue> baselines) {
    /** Copies the map and checks arguments. */
    public Row {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(model, "model");
      baselines = Map.copyOf(baselines);
    }
  }
}
