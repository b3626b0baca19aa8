package dev.mlops.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * Regression metrics on the long tail of a continuous target, the examples whose actual value is
 * above a business threshold (e.g. deliveries over 60 minutes), next to the overall metrics.
 *
 * <p>Immutable and thread-safe.
 *
 * @param threshold the business threshold; the tail is {@code actual > threshold}
 * @param tailSize examples in the tail
 * @param tailShare {@code tailSize / overall.examples()}
 * @param tail metrics on the tail; empty when no example is above the threshold
 * @param overall metrics on all examples
 */
public record LongTailReport(
    double threshold, int tailSize, double tailShare, Optional<RegressionReport> tail,
    RegressionReport overall) {
  /** Checks arguments. */
  public LongTailReport {
    Objects.requireNonNull(tail, "tail");
    Objects.requireNonNull(overall, "overall");
  }
}
