package dev.mlops.labels;

import java.util.Objects;
import java.util.Optional;

/**
 * An agreement statistic that may be undefined for the data (e.g. Krippendorff's alpha when every
 * label is identical): then {@link #value()} is NaN and {@link #undefinedReason()} says why. NaN is
 * never presented as a result without a reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the statistic, or NaN when undefined
 * @param undefinedReason why it is undefined; empty when defined
 */
public record Agreement(double value, Optional<String> undefinedReason) {

  /**
   * Checks that NaN and a reason go together.
   *
   * @throws IllegalArgumentException if the value is NaN without a reason or defined with one
   */
  public Agreement {
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (Double.isNaN(value) != undefinedReason.isPresent()) {
      throw new IllegalArgumentException(
          "an agreement is NaN exactly when it has a reason; value " + value + ", reason "
              + undefinedReason);
    }
  }

  /** A defined value. */
  public static Agreement of(double value) {
    return new Agreement(value, Optional.empty());
  }

  /** An undefined value with the reason. */
  public static Agreement undefined(String reason) {
    return new Agreement(Double.NaN, Optional.of(reason));
  }

  /** Returns whether the statistic is defined. */
  public boolean defined() {
    return undefinedReason.isEmpty();
  }
}
