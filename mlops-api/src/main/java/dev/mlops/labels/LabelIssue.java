package dev.mlops.labels;

import java.util.Objects;

/**
 * An example whose given label is likely wrong, found by confident learning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the example's position in the input
 * @param givenLabel the label it has
 * @param suggestedLabel the most likely label according to the model
 * @param selfConfidence the predicted probability of the given label (lower = more suspicious)
 * @param normalizedMargin {@code (p[given] - max other p + 1) / 2}, in [0, 1] (lower = more
 *     suspicious)
 */
public record LabelIssue(
    int index,
    String givenLabel,
    String suggestedLabel,
    double selfConfidence,
    double normalizedMargin) {

  /** Checks arguments. */
  public LabelIssue {
    Objects.requireNonNull(givenLabel, "givenLabel");
    Objects.requireNonNull(suggestedLabel, "suggestedLabel");
  }
}
