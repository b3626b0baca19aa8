package dev.mlops.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * A metric on one slice of the data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the slice's name, e.g. {@code "worst_radius in [15, 20)"} or {@code "tag:blurry"}
 * @param size examples in the slice
 * @param share {@code size} / all examples
 * @param metric the metric on the slice; undefined when too small
 * @param interval the seeded bootstrap percentile interval, when the metric is defined
 * @param status the verdict
 */
public record SliceResult(
    String name, int size, double share, MetricValue metric,
    Optional<ConfidenceInterval> interval, SliceStatus status) {
  /** Checks arguments. */
  public SliceResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(status, "status");
  }
}
