package dev.mlops.labels;

import java.util.Objects;

/**
 * Two labels that annotators swap on the same item: a candidate for a clearer definition or for
 * merging the two classes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labelA one label (the lower in the label order)
 * @param labelB the other label
 * @param count annotator pairs that gave {@code labelA} and {@code labelB} to the same item
 */
public record LabelConfusion(String labelA, String labelB, long count) {

  /** Checks arguments. */
  public LabelConfusion {
    Objects.requireNonNull(labelA, "labelA");
    Objects.requireNonNull(labelB, "labelB");
  }
}
