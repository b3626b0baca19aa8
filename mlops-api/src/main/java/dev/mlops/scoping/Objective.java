package dev.mlops.scoping;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One target on one metric, absolute ({@code accuracy >= 0.95}, {@code latency.p99.ms <= 50}) or
 * relative to a baseline such as the primary model in a rollout ({@code latency.p99.ms <= 1.2 x
 * baseline}, {@code accuracy >= baseline - 0.01}), optionally requiring a minimum number of
 * samples before any verdict other than {@link Verdict#INCONCLUSIVE}.
 *
 * <p>The plan names map 1:1 onto this type: {@code atLeast}/{@code atMost} are
 * {@link Reference#ABSOLUTE}, {@code atMostRelative} is {@link Direction#AT_MOST} with
 * {@link Reference#FACTOR}, {@code atLeastRelative} is {@link Direction#AT_LEAST} with
 * {@link Reference#MARGIN}, and {@code minSamples} is {@link #minSamples()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric name, lower-case and dot-separated (see {@link KeyMetrics})
 * @param direction whether the measured value must be at least or at most the threshold
 * @param target the absolute threshold, the factor or the margin, depending on {@code reference};
 *     finite
 * @param reference what {@code target} is relative to
 * @param minSamples samples needed (in the candidate and, for relative objectives, the baseline)
 *     before the objective can pass or fail; {@code >= 0}
 */
public record Objective(
    String metric, Direction direction, double target, Reference reference, long minSamples) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

  /** Default {@link #minSamples()}: {@value}, i.e. any measurement counts. */
  public static final long DEFAULT_MIN_SAMPLES = 0;

  /** Which side of the threshold is good. */
  public enum Direction {
    /** Good when {@code measured >= threshold} (accuracy, throughput). */
    AT_LEAST(">="),
    /** Good when {@code measured <= threshold} (latency, error rate). */
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

  /** How the threshold follows from {@link #target()} and the baseline's value. */
  public enum Reference {
    /** The threshold is {@code target} itself; no baseline needed. */
    ABSOLUTE,
    /** The threshold is {@code target x baseline}, e.g. latency within 1.2 times the primary's. */
    FACTOR,
    /** The threshold is {@code baseline + target}, e.g. accuracy at most 0.01 below (-0.01). */
    MARGIN
  }

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the name is not lower-case dot-separated, the target is
   *     not finite, a factor is not positive, or {@code minSamples} is negative
   */
  public Objective {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(reference, "reference");
    if (!NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException(
          "metric name must be lower-case and dot-separated like 'latency.p99.ms', was '"
              + metric + "'");
    }
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("target of '" + metric + "' must be finite, was " + target);
    }
    if (reference == Reference.FACTOR && target <= 0) {
      throw new IllegalArgumentException(
          "factor of '" + metric + "' must be > 0, was " + target);
    }
    if (minSamples < 0) {
      throw new IllegalArgumentException(
          "minSamples of '" + metric + "' must be >= 0, was " + minSamples);
    }
  }

  /** An absolute objective with no sample minimum, as before relative objectives existed. */
  public Objective(String metric, Direction direction, double target) {
    this(metric, direction, target, Reference.ABSOLUTE, DEFAULT_MIN_SAMPLES);
  }

  /** Requires {@code metric >= target}. */
  public static Objective atLeast(String metric, double target) {
    return new Objective(metric, Direction.AT_LEAST, target);
  }

  /** Requires {@code metric <= target}. */
  public static Objective atMost(String metric, double target) {
    return new Objective(metric, Direction.AT_MOST, target);
  }

  /** Requires {@code metric <= factor x baseline}; {@code factor} must be positive. */
  public static Objective atMostRelative(String metric, double factor) {
    return new Objective(metric, Direction.AT_MOST, factor, Reference.FACTOR, DEFAULT_MIN_SAMPLES);
  }

  /** Requires {@code metric >= baseline + margin}; the margin is usually negative (-0.01). */
  public static Objective atLeastRelative(String metric, double margin) {
    return new Objective(metric, Direction.AT_LEAST, margin, Reference.MARGIN, DEFAULT_MIN_SAMPLES);
  }

  /** Returns a copy requiring {@code minSamples} samples. */
  public Objective withMinSamples(long minSamples) {
    return new Objective(metric, direction, target, reference, minSamples);
  }

  /** Returns whether the threshold depends on a baseline measurement. */
  public boolean isRelative() {
    return reference != Reference.ABSOLUTE;
  }

  /**
   * Returns the effective threshold given the baseline's value (ignored for absolute objectives).
   */
  public double threshold(double baseline) {
    switch (reference) {
      case FACTOR:
        return target * baseline;
      case MARGIN:
        return baseline + target;
      default:
        return target;
    }
  }

  /**
   * Returns whether a measured value meets an absolute objective; NaN never does.
   *
   * @throws IllegalStateException if the objective is relative (use {@link #isMetBy(double,
   *     double)})
   */
  public boolean isMetBy(double measured) {
    if (isRelative()) {
      throw new IllegalStateException("objective '" + this + "' is relative to a baseline; "
          + "use isMetBy(measured, baseline) or Objectives.verdicts(candidate, baseline)");
    }
    return meets(measured, target);
  }

  /** Returns whether a measured value meets the objective given the baseline; NaN never does. */
  public boolean isMetBy(double measured, double baseline) {
    return meets(measured, threshold(baseline));
  }

  private boolean meets(double measured, double threshold) {
    if (Double.isNaN(measured) || Double.isNaN(threshold)) {
      return false;
    }
    return direction == Direction.AT_LEAST ? measured >= threshold : measured <= threshold;
  }

  /** Renders e.g. {@code accuracy >= 0.95}, {@code latency.p99.ms <= 1.2 x baseline}. */
  @Override
  public String toString() {
    String rhs;
    switch (reference) {
      case FACTOR:
        rhs = String.format(Locale.ROOT, "%s x baseline", target);
        break;
      case MARGIN:
        rhs = target < 0
            ? String.format(Locale.ROOT, "baseline - %s", -target)
            : String.format(Locale.ROOT, "baseline + %s", target);
        break;
      default:
        rhs = String.format(Locale.ROOT, "%s", target);
    }
    String samples = minSamples > 0
        ? String.format(Locale.ROOT, " (min %d samples)", minSamples)
        : "";
    return metric + " " + direction.symbol() + " " + rhs + samples;
  }
}
