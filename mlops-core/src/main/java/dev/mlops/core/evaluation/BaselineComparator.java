package dev.mlops.core.evaluation;

import dev.mlops.evaluation.BaselineComparison;
import dev.mlops.evaluation.MetricValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Compares a model with named baselines overall and per slice. Stateless and thread-safe.
 */
public final class BaselineComparator {
  private BaselineComparator() {}

  /**
   * Computes the model's and each baseline's metric overall ({@link Baseline#OVERALL}) and on
   * each slice. A per-group baseline without a number for a group shows as undefined there.
   *
   * @throws IllegalArgumentException if baselines or slices share a name
   */
  public static BaselineComparison compare(
      EvaluationData data, SliceMetric metric, List<Slice> slices, List<Baseline> baselines) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metric, "metric");
    SliceEvaluator.checkDistinctNames(slices);
    List<String> names = baselines.stream().map(Baseline::name).toList();
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("baseline names repeat: " + names);
    }
    List<BaselineComparison.Row> rows = new ArrayList<>();
    rows.add(row(data, metric, Baseline.OVERALL, IntStream.range(0, data.size()).toArray(), baselines));
    for (Slice slice : slices) {
      rows.add(row(data, metric, slice.name(), slice.rows(data), baselines));
    }
    return new BaselineComparison(metric.name(), names, rows);
  }

  private static BaselineComparison.Row row(
      EvaluationData data, SliceMetric metric, String group, int[] rows, List<Baseline> baselines) {
    Map<String, MetricValue> values = new LinkedHashMap<>();
    for (Baseline b : baselines) {
      values.put(b.name(), b.value(metric, data, group, rows)
          .orElse(MetricValue.undefined("no " + b.name() + " value for '" + group + "'")));
    }
    return new BaselineComparison.Row(
        group, rows.length, metric.compute(data.actual(), data.predicted(), rows), values);
  }
}
