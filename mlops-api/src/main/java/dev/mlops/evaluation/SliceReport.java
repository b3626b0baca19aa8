package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric overall and per slice, with bootstrap intervals and the slices that are
 * significantly worse than overall (performance auditing on key slices).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric's name, e.g. "accuracy"
 * @param higherIsBetter whether larger values are better
 * @param examples all examples
 * @param overall the metric on all examples
 * @param overallInterval its bootstrap interval
 * @param minSliceSize slices below this size got status {@link SliceStatus#TOO_SMALL}
 * @param seed the bootstrap seed
 * @param slices the slices in the order they were defined
 */
public record SliceReport(
    String metric, boolean higherIsBetter, int examples, MetricValue overall,
    Optional<ConfidenceInterval> overallInterval, int minSliceSize, long seed,
    List<SliceResult> slices) {
  /** Copies the list and checks arguments. */
  public SliceReport {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(overallInterval, "overallInterval");
    slices = List.copyOf(slices);
  }

  /** Returns the slices flagged {@link SliceStatus#SIGNIFICANTLY_WORSE}. */
  public List<SliceResult> flagged() {
    return slices.stream().filter(s -> s.status() == SliceStatus.SIGNIFICANTLY_WORSE).toList();
  }
}
