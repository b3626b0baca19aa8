package dev.mlops.scoping;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one measured value compares with its {@link Objective}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objective the objective
 * @param measured the measured value; empty when the metric was not measured
 * @param met whether it was measured and meets the target
 */
public record ObjectiveResult(Objective objective, OptionalDouble measured, boolean met) {
  /** Checks arguments. */
  public ObjectiveResult {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(measured, "measured");
  }
}
