package dev.mlops.monitoring;

import java.util.Objects;

/**
 * The drift verdict on one feature in one window.
 *
 * <p>Immutable and thread-safe.
 *
 * @param detector what judged it: {@code "psi"} for the comparison of the window's profile with
 *     the reference, or the streaming detector's {@code name()}
 * @param score the population stability index, or the detector's latest statistic (NaN when the
 *     window had no values or the detector is warming up)
 * @param drifted whether the score crossed its threshold, or the detector flagged a drift during
 *     the window
 */
public record FeatureDrift(String detector, double score, boolean drifted) {

  /** Checks arguments. */
  public FeatureDrift {
    Objects.requireNonNull(detector, "detector");
  }
}
