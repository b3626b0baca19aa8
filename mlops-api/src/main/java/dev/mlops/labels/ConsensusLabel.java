package dev.mlops.labels;

import java.util.Objects;

/**
 * The consensus label of one item: the plain majority and the quality-weighted majority.
 *
 * <p>Tie rule (deterministic): among labels with the same top vote count (or weight), the label
 * given most often in the whole data set wins; if that ties too, the lowest label in the label
 * order (numeric order for numbers, otherwise the configured or natural text order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemId the item
 * @param majority the majority label
 * @param support share of the item's votes that went to {@code majority}
 * @param tied whether the majority needed the tie rule
 * @param weighted the majority when each vote counts with its annotator's leave-one-out accuracy
 */
public record ConsensusLabel(
    String itemId, String majority, double support, boolean tied, String weighted) {

  /** Checks arguments. */
  public ConsensusLabel {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(majority, "majority");
    Objects.requireNonNull(weighted, "weighted");
  }
}
