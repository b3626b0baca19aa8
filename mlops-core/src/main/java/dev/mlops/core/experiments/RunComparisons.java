package dev.mlops.core.experiments;

import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link RunComparison} from any tracker: params that differ, and for each metric its
 * last, lowest and highest value with steps, from the full history. Stateless and thread-safe.
 */
public final class RunComparisons {
  private RunComparisons() {}

  /**
   * Compares runs.
   *
   * @throws IllegalArgumentException if no run id is given or a run does not exist
   */
  public static RunComparison compare(ExperimentTracker tracker, List<String> runIds) {
    Objects.requireNonNull(tracker, "tracker");
    if (runIds.isEmpty()) {
      throw new IllegalArgumentException("runIds must name at least one run");
    }
    List<RunRecord> runs = new ArrayList<>();
    for (String id : runIds) {
      runs.add(tracker.findRun(id).orElseThrow(() -> new IllegalArgumentException("run '" + id + "' does not exist")));
    }
    TreeSet<String> paramKeys = new TreeSet<>();
    TreeSet<String> metricKeys = new TreeSet<>();
    runs.forEach(r -> {
      paramKeys.addAll(r.params().keySet());
      metricKeys.addAll(r.latestMetrics().keySet());
    });
    Map<String, List<Optional<String>>> differing = new TreeMap<>();
    Map<String, String> same = new TreeMap<>();
    for (String key : paramKeys) {
      List<Optional<String>> values = runs.stream().map(r -> Optional.ofNullable(r.params().get(key))).toList();
      if (values.stream().distinct().count() == 1 && values.get(0).isPresent()) {
        same.put(key, values.get(0).get());
      } else {
        differing.put(key, values);
      }
    }
    Map<String, List<Optional<RunComparison.MetricSummary>>> metrics = new TreeMap<>();
    for (String key : metricKeys) {
      List<Optional<RunComparison.MetricSummary>> summaries = new ArrayList<>();
      for (RunRecord r : runs) {
        summaries.add(r.latestMetrics().containsKey(key)
            ? summarize(tracker.metricHistory(r.runId(), key)) : Optional.empty());
      }
      metrics.put(key, summaries);
    }
    return new RunComparison(runIds, differing, same, metrics);
  }

  /** Summarises one metric history; empty if it has no points. */
  public static Optional<RunComparison.MetricSummary> summarize(List<MetricPoint> history) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    MetricPoint last = history.get(0);
    MetricPoint min = null;
    MetricPoint max = null;
    for (MetricPoint p : history) {
      last = RunState.later(last, p);
      if (!Double.isNaN(p.value())) {
        if (min == null || p.value() < min.value()) {
          min = p;
        }
        if (max == null || p.value() > max.value()) {
          max = p;
        }
      }
    }
    double minValue = min == null ? Double.NaN : min.value();
    double maxValue = max == null ? Double.NaN : max.value();
    return Optional.of(new RunComparison.MetricSummary(last.value(), last.step(), minValue,
        min == null ? last.step() : min.step(), maxValue, max == null ? last.step() : max.step(),
        history.size()));
  }
}
