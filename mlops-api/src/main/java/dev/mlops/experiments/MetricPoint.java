package dev.mlops.experiments;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged value of a metric. NaN and infinities are allowed (a diverged loss is a result).
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the metric name
 * @param value the value
 * @param step the training step or epoch, 0 when not given
 * @param timestamp when it was logged
 */
public record MetricPoint(String key, double value, long step, Instant timestamp) {
  /** Checks arguments. */
  public MetricPoint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
