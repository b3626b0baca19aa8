package dev.mlops.labels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An item the annotators disagree on, with its votes: a candidate for re-labeling or for a clearer
 * labeling guide.
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemId the item
 * @param ratings labels given to it
 * @param entropy Shannon entropy of the votes in bits (0 = unanimous)
 * @param votes label to number of votes, most votes first
 */
public record Disagreement(String itemId, int ratings, double entropy, Map<String, Integer> votes) {

  /** Checks arguments and keeps the votes' order. */
  public Disagreement {
    Objects.requireNonNull(itemId, "itemId");
    votes = Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(votes, "votes")));
  }
}
