package dev.mlops.testkit.drift;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where and when a {@link DriftScenario}'s change happens: what a detector should find.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what changes
 * @param pattern how a covariate shift unfolds ({@link ChangePattern#SUDDEN} for every other kind)
 * @param features the features that change; empty for prior and concept shift (the label
 *     changes) and for {@link DriftKind#NONE}
 * @param changeIndex the first row that may differ from the old distribution
 * @param fullEffectIndex the first row from which the change is complete (equal to
 *     {@code changeIndex} for a sudden change)
 * @param endIndex the first row after a change that ends (a missing-value burst); empty when the
 *     change lasts (or recurs)
 * @param changeTime the time stamp of row {@code changeIndex}
 */
public record DriftTruth(
    DriftKind kind,
    ChangePattern pattern,
    List<String> features,
    int changeIndex,
    int fullEffectIndex,
    OptionalInt endIndex,
    Instant changeTime) {

  /** Copies the list and checks the indices. */
  public DriftTruth {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    features = List.copyOf(features);
    Objects.requireNonNull(endIndex, "endIndex");
    Objects.requireNonNull(changeTime, "changeTime");
    if (changeIndex < 0 || fullEffectIndex < changeIndex) {
      throw new IllegalArgumentException(
          "need 0 <= changeIndex <= fullEffectIndex, was " + changeIndex + ", " + fullEffectIndex);
    }
  }
}
