package dev.mlops.scoping;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One target on one metric, e.g. {@code accuracy >= 0.95} or {@code latency.p99.ms <= 50}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric name, lower-case and dot-separated (see {@link KeyMetrics})
 * @param direction whether the measured value must be at least or at most the target
 * @param target the target value, finite
 */
public record Objective(String metric, Direction direction, double target) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

  /** Which side of the target is good. Immutable and thread-safe (an enum). */
  public enum Direction {
    /** Good when {@code measured >= target} (accuracy, throughput). */
    AT_LEAST(">="),
    /** Good when {@code measured <= target} (latency, error rate). */
    AT_MOST("<=");

    private final String symbol;

    Direction(String symbol) {
      this.symbol = symbol;
    }

    /** Returns {@code ">="} or {@code "<="}. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the name is not lower-case dot-separated or the target is
   *     not finite
   */
  public Objective {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    if (!NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException(
          "metric name must be lower-case and dot-separated like 'latency.p99.ms', was '"
              + metric + "'");
    }
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("target of '" + metric + "' must be finite, was " + target);
    }
  }

  /**
   * Returns whether a measured value meets the objective; NaN never does.
   */
  public boolean isMetBy(double measured) {
    if (Double.isNaN(measured)) {
      return false;
    }
    return direction == Direction.AT_LEAST ? measured >= target : measured <= target;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s %s", metric, direction.symbol(), target);
  }
}
