package dev.mlops.evaluation;

import java.util.Objects;

/**
 * A metric's value together with whether it is defined. Undefined metrics carry NaN and a reason,
 * so callers check {@link #isDefined()} instead of testing for NaN.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the value; NaN exactly when the status is {@link MetricStatus#UNDEFINED}
 * @param status whether the value was computed, substituted for a zero division, or is undefined
 * @param reason why the value is not an ordinary one; empty for {@link MetricStatus#DEFINED}
 */
public record MetricValue(double value, MetricStatus status, String reason) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the value is NaN for a defined status or not NaN for an
   *     undefined one
   */
  public MetricValue {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if ((status == MetricStatus.UNDEFINED) != Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "value must be NaN exactly when the status is UNDEFINED, was " + value + " with "
              + status);
    }
  }

  /** Returns a defined value. */
  public static MetricValue of(double value) {
    return new MetricValue(value, MetricStatus.DEFINED, "");
  }

  /** Returns an undefined value with the reason. */
  public static MetricValue undefined(String reason) {
    return new MetricValue(Double.NaN, MetricStatus.UNDEFINED, reason);
  }

  /** Returns a value substituted for a zero denominator, with the reason. */
  public static MetricValue zeroDivision(double substitute, String reason) {
    return new MetricValue(substitute, MetricStatus.ZERO_DIVISION, reason);
  }

  /** Returns whether {@link #value()} is a number (defined or a zero-division substitute). */
  public boolean isDefined() {
    return status != MetricStatus.UNDEFINED;
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException with the reason if the metric is undefined
   */
  public double orElseThrow() {
    if (!isDefined()) {
      throw new IllegalStateException("metric is undefined: " + reason);
    }
    return value;
  }

  @Override
  public String toString() {
    return switch (status) {
      case DEFINED -> Double.toString(value);
      case ZERO_DIVISION -> value + " (zero division: " + reason + ")";
      case UNDEFINED -> "undefined (" + reason + ")";
    };
  }
}
