package dev.mlops.evaluation;

import java.util.List;

/**
 * Misclassified examples grouped by tag, largest group first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param examples all examples
 * @param errors misclassified examples
 * @param groups one group per tag that has at least one error, plus {@link #UNTAGGED} when some
 *     errors carry no tag; sorted by error count, descending, then tag
 */
public record ErrorAnalysis(int examples, int errors, List<ErrorGroup> groups) {
  /** The tag of the group of errors that carry no tag: {@value}. */
  public static final String UNTAGGED = "(untagged)";

  /** Copies the list. */
  public ErrorAnalysis {
    groups = List.copyOf(groups);
  }
}
