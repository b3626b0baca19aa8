package dev.mlops.labels;

import java.util.List;
import java.util.Objects;

/**
 * A model's predictions compared with human-level performance. Every time an annotator is scored
 * against the consensus of the other annotators on an item, the model's prediction for that item
 * is scored against the same consensus, so the two accuracies share their references.
 *
 * <p>Immutable and thread-safe.
 *
 * @param overall the comparison over all items
 * @param slices the comparison per slice, sorted by slice name
 * @param itemsWithoutPrediction items rated at least twice that had no prediction (not compared)
 */
public record ModelComparison(
    SliceComparison overall, List<SliceComparison> slices, int itemsWithoutPrediction) {

  /** Checks arguments and copies the list. */
  public ModelComparison {
    Objects.requireNonNull(overall, "overall");
    slices = List.copyOf(Objects.requireNonNull(slices, "slices"));
  }
}
