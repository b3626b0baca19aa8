package dev.mlops.labels;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One label given by one annotator to one item (the long form used by labeling tools).
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemId the item labeled
 * @param annotatorId who labeled it
 * @param label the label as text (numbers as text at interval and ratio levels)
 * @param timestamp when it was labeled, if known
 */
public record Annotation(String itemId, String annotatorId, String label, Optional<Instant> timestamp) {

  /** Checks arguments. */
  public Annotation {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(annotatorId, "annotatorId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** An annotation without a timestamp. */
  public static Annotation of(String itemId, String annotatorId, String label) {
    return new Annotation(itemId, annotatorId, label, Optional.empty());
  }
}
