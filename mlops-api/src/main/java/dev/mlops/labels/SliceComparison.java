package dev.mlops.labels;

import java.util.Objects;

/**
 * Model versus human accuracy on one slice of items, both against the same leave-one-out
 * consensus references.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slice the slice name ({@code "all"} for every item)
 * @param comparisons (annotator, item) references compared
 * @param modelAccuracy the model's accuracy against those references; NaN when none
 * @param humanAccuracy the annotators' accuracy against them (HLP); NaN when none
 */
public record SliceComparison(
    String slice, long comparisons, double modelAccuracy, double humanAccuracy) {

  /** Checks arguments. */
  public SliceComparison {
    Objects.requireNonNull(slice, "slice");
  }

  /** Model accuracy minus human accuracy: negative when the model is below human level. */
  public double gap() {
    return modelAccuracy - humanAccuracy;
  }
}
