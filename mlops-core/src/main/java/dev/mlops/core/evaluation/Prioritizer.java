package dev.mlops.core.evaluation;

import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.PrioritizationRow;
import dev.mlops.evaluation.PrioritizationTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the prioritization table of the error-analysis loop (the lifecycle notes' method): for
 * each group, the share of data, the model's metric, the baseline's, the gap, and the potential
 * gain {@code gap * share} — how much the overall metric would improve if the model reached the
 * baseline on that group. Sorted by potential gain, it says which data to collect or augment next.
 *
 * <p>Stateless and thread-safe.
 */
public final class Prioritizer {
  /**
   * Potential gains closer than this ({@value}) sort as ties, then by share: the same gain
   * computed along two routes may differ in the last bits.
   */
  public static final double GAIN_RESOLUTION = 1e-12;

  private Prioritizer() {}

  /**
   * Builds the table over tags: one group per tag in the data.
   *
   * @see #table(EvaluationData, SliceMetric, List, Baseline)
   */
  public static PrioritizationTable byTag(
      EvaluationData data, SliceMetric metric, Baseline baseline) {
    return table(data, metric, Slice.tags(data), baseline);
  }

  /**
   * Builds the table.
   *
   * @param data the examples
   * @param metric the metric to compare, e.g. {@link SliceMetric#accuracy()}
   * @param groups the tags or slices; groups may overlap
   * @param baseline the reference, e.g. human-level performance per tag
   * @return rows sorted by potential gain, then share (descending), then name; groups that are
   *     empty, have an undefined metric or no baseline value are listed in {@code skipped}
   * @throws IllegalArgumentException if two groups share a name
   */
  public static PrioritizationTable table(
      EvaluationData data, SliceMetric metric, List<Slice> groups, Baseline baseline) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(baseline, "baseline");
    SliceEvaluator.checkDistinctNames(groups);
    int n = data.size();
    List<PrioritizationRow> rows = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Slice group : groups) {
      int[] members = group.rows(data);
      if (members.length == 0) {
        skipped.add(group.name() + ": no examples");
        continue;
      }
      MetricValue model = metric.compute(data.actual(), data.predicted(), members);
      if (!model.isDefined()) {
        skipped.add(group.name() + ": model metric undefined (" + model.reason() + ")");
        continue;
      }
      Optional<MetricValue> base = baseline.value(metric, data, group.name(), members);
      if (base.isEmpty() || !base.get().isDefined()) {
        skipped.add(group.name() + ": no " + baseline.name() + " value"
            + base.map(b -> " (" + b.reason() + ")").orElse(""));
        continue;
      }
      double share = (double) members.length / n;
      double gap = metric.higherIsBetter()
          ? base.get().value() - model.value()
          : model.value() - base.get().value();
      rows.add(new PrioritizationRow(group.name(), members.length, share, model.value(),
          base.get().value(), gap, gap * share));
    }
    rows.sort(Comparator
        .comparingLong((PrioritizationRow r) -> Math.round(r.potentialGain() / GAIN_RESOLUTION))
        .reversed()
        .thenComparing(Comparator.comparingDouble(PrioritizationRow::share).reversed())
        .thenComparing(PrioritizationRow::group));
    return new PrioritizationTable(metric.name(), baseline.name(), n, rows, skipped);
  }
}
