package dev.mlops.labels;

import java.util.Objects;
import java.util.Optional;

/**
 * Human-level performance: the pooled leave-one-out accuracy of all annotators against the
 * consensus of the others, with a seeded percentile-bootstrap confidence interval over items.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimate pooled leave-one-out accuracy; NaN when undefined
 * @param ciLow lower bound of the interval; NaN when undefined
 * @param ciHigh upper bound of the interval; NaN when undefined
 * @param confidenceLevel the interval's level
 * @param comparisons (annotator, item) comparisons pooled
 * @param undefinedReason why the estimate is undefined (no item rated twice); empty when defined
 */
public record HumanLevelPerformance(
    double estimate,
    double ciLow,
    double ciHigh,
    double confidenceLevel,
    long comparisons,
    Optional<String> undefinedReason) {

  /**
   * Checks that NaN and a reason go together.
   *
   * @throws IllegalArgumentException if the estimate is NaN without a reason or defined with one
   */
  public HumanLevelPerformance {
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (Double.isNaN(estimate) != undefinedReason.isPresent()) {
      throw new IllegalArgumentException(
          "estimate is NaN exactly when there is a reason; estimate " + estimate + ", reason "
              + undefinedReason);
    }
  }
}
