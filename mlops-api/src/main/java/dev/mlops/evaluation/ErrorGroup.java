package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The misclassified examples that carry one tag.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tag the tag, or {@link ErrorAnalysis#UNTAGGED} for errors without a tag
 * @param tagged all examples with the tag, right or wrong
 * @param errors misclassified examples with the tag
 * @param errorRate {@code errors / tagged}
 * @param shareOfErrors {@code errors} / all misclassified examples (tags overlap, so the shares
 *     of a report may sum to more than 1)
 * @param exampleIds ids of the first misclassified examples with the tag, in data order
 */
public record ErrorGroup(
    String tag, int tagged, int errors, double errorRate, double shareOfErrors,
    List<String> exampleIds) {
  /** Copies the list and checks arguments. */
  public ErrorGroup {
    Objects.requireNonNull(tag, "tag");
    exampleIds = List.copyOf(exampleIds);
  }
}
