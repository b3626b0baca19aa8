package dev.mlops.monitoring;

import dev.mlops.scoping.Objective;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a monitor raises an alert: a metric of each closed window (a name of
 * {@link dev.mlops.scoping.KeyMetrics}, e.g. {@code latency.p99.ms}, {@code error.rate},
 * {@code input.missing.rate}, {@code drift.detected}) is above or below a threshold for at least
 * {@link #forWindows()} windows in a row; after it fires, the rule stays quiet for
 * {@link #coolDownWindows()} windows. A per-feature or per-class metric is watched for the one
 * {@link #subject()} named, or for every feature or class when none is.
 *
 * <pre>{@code
 * AlertRule.above("slow", KeyMetrics.LATENCY_P99_MS, 50).forWindows(3).coolDown(10)
 * AlertRule.fromObjective(Objective.atLeast(KeyMetrics.ACCURACY, 0.9))
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule's name, unique in a monitor; lower-case letters, digits, {@code . _ -}
 * @param metric the metric watched
 * @param subject the feature or class watched; empty for every one, and for metrics without tag
 * @param condition whether values above or below the threshold breach it
 * @param threshold the threshold; finite
 * @param forWindows consecutive breaching windows before it fires, {@code >= 1}
 * @param coolDownWindows windows after firing in which it cannot fire again, {@code >= 0}
 */
public record AlertRule(
    String name,
    String metric,
    Optional<String> subject,
    Condition condition,
    double threshold,
    int forWindows,
    int coolDownWindows) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /** Default consecutive windows: {@value}, fire on the first breaching window. */
  public static final int DEFAULT_FOR_WINDOWS = 1;
  /** Default cool-down: {@value} windows, so a lasting breach is not re-reported every window. */
  public static final int DEFAULT_COOL_DOWN_WINDOWS = 5;

  /** Which side of the threshold breaches. */
  public enum Condition {
    /** Breached when the value is greater than the threshold. */
    ABOVE,
    /** Breached when the value is less than the threshold. */
    BELOW;

    /** Returns whether a value breaches the threshold; NaN never does. */
    public boolean breaches(double value, double threshold) {
      return this == ABOVE ? value > threshold : value < threshold;
    }
  }

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the field and the rejected value
   */
  public AlertRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(condition, "condition");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rule name must be lower-case letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold of rule '" + name + "' must be finite, was " + threshold);
    }
    if (forWindows < 1) {
      throw new IllegalArgumentException(
          "forWindows of rule '" + name + "' must be >= 1, was " + forWindows);
    }
    if (coolDownWindows < 0) {
      throw new IllegalArgumentException(
          "coolDownWindows of rule '" + name + "' must be >= 0, was " + coolDownWindows);
    }
  }

  /** Fires when {@code metric > threshold}. */
  public static AlertRule above(String name, String metric, double threshold) {
    return new AlertRule(name, metric, Optional.empty(), Condition.ABOVE, threshold,
        DEFAULT_FOR_WINDOWS, DEFAULT_COOL_DOWN_WINDOWS);
  }

  /** Fires when {@code metric < threshold}. */
  public static AlertRule below(String name, String metric, double threshold) {
    return new AlertRule(name, metric, Optional.empty(), Condition.BELOW, threshold,
        DEFAULT_FOR_WINDOWS, DEFAULT_COOL_DOWN_WINDOWS);
  }

  /**
   * Fires when a window misses an absolute objective: {@code latency.p99.ms <= 50} becomes
   * "above 50", {@code accuracy >= 0.9} "below 0.9". The rule is named after the metric.
   *
   * @throws IllegalArgumentException if the objective is relative to a baseline (a monitor has
   *     none)
   */
  public static AlertRule fromObjective(Objective objective) {
    Objects.requireNonNull(objective, "objective");
    if (objective.isRelative()) {
      throw new IllegalArgumentException("objective '" + objective
          + "' is relative to a baseline; an alert rule needs an absolute threshold");
    }
    Condition c = objective.direction() == Objective.Direction.AT_MOST
        ? Condition.ABOVE : Condition.BELOW;
    return new AlertRule("objective." + objective.metric(), objective.metric(), Optional.empty(),
        c, objective.target(), DEFAULT_FOR_WINDOWS, DEFAULT_COOL_DOWN_WINDOWS);
  }

  /** Returns a copy that watches only this feature or class. */
  public AlertRule on(String subject) {
    return new AlertRule(name, metric, Optional.of(Objects.requireNonNull(subject, "subject")),
        condition, threshold, forWindows, coolDownWindows);
  }

  /** Returns a copy that fires after {@code windows} breaching windows in a row. */
  public AlertRule forWindows(int windows) {
    return new AlertRule(name, metric, subject, condition, threshold, windows, coolDownWindows);
  }

  /** Returns a copy that stays quiet for {@code windows} windows after firing. */
  public AlertRule coolDown(int windows) {
    return new AlertRule(name, metric, subject, condition, threshold, forWindows, windows);
  }
}
