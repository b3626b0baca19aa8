package dev.mlops.experiments;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs side by side: the params whose values differ and, for each metric, its final, lowest and
 * highest value with their steps. Whether lower or higher is better depends on the metric, so
 * both are given. Immutable and thread-safe.
 *
 * @param runIds the compared runs, in the order given
 * @param differingParams param key to the value of each run (empty where a run lacks it), only
 *     for params that are not identical in all runs
 * @param sameParams params with the same value in every run
 * @param metrics metric key to one summary per run (empty where a run did not log it)
 */
public record RunComparison(
    List<String> runIds,
    Map<String, List<Optional<String>>> differingParams,
    Map<String, String> sameParams,
    Map<String, List<Optional<MetricSummary>>> metrics) {

  /** Copies the collections; the maps iterate in key order. */
  public RunComparison {
    runIds = List.copyOf(runIds);
    differingParams = Collections.unmodifiableMap(new TreeMap<>(differingParams));
    sameParams = Collections.unmodifiableMap(new TreeMap<>(sameParams));
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /**
   * The history of one metric of one run, summarised. Immutable and thread-safe.
   *
   * @param last the value at the highest step (latest timestamp among equal steps)
   * @param lastStep its step
   * @param min the lowest value (NaN ignored; NaN if every value is NaN)
   * @param minStep the step of the lowest value
   * @param max the highest value (NaN ignored)
   * @param maxStep the step of the highest value
   * @param count how many points were logged
   */
  public record MetricSummary(
      double last, long lastStep, double min, long minStep, double max, long maxStep, long count) {
    /** Checks arguments. */
    public MetricSummary {
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1, was " + count);
      }
    }
  }
}
