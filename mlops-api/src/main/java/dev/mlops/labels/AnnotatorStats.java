package dev.mlops.labels;

import java.util.Objects;

/**
 * One annotator's workload and accuracy against the consensus of the other annotators
 * (leave-one-out: the annotator's own vote never counts in the reference).
 *
 * <p>Immutable and thread-safe.
 *
 * @param annotator the annotator
 * @param ratings labels the annotator gave
 * @param itemsCompared items the annotator shares with at least one other annotator
 * @param leaveOneOutAccuracy accuracy against the others' majority; a tie among the others'
 *     top labels gives {@code 1/k} credit when the annotator chose one of the {@code k} tied labels
 */
public record AnnotatorStats(
    String annotator, int ratings, int itemsCompared, Agreement leaveOneOutAccuracy) {

  /** Checks arguments. */
  public AnnotatorStats {
    Objects.requireNonNull(annotator, "annotator");
    Objects.requireNonNull(leaveOneOutAccuracy, "leaveOneOutAccuracy");
  }
}
