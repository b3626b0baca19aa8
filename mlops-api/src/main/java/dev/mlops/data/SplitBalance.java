package dev.mlops.data;

import java.util.List;
import java.util.Objects;

/**
 * The label distribution of one part of a split.
 *
 * <p>Immutable and thread-safe.
 *
 * @param split which part
 * @param rows its row count
 * @param classes count and share of every class of the whole dataset (zero counts included), in
 *     the order of the whole dataset's classes
 * @param maxDeviation the largest absolute difference between a class's share here and its share
 *     in the whole dataset (0 when the part is empty)
 */
public record SplitBalance(Split split, long rows, List<ClassCount> classes, double maxDeviation) {
  /** Copies the list and checks arguments. */
  public SplitBalance {
    Objects.requireNonNull(split, "split");
    classes = List.copyOf(classes);
  }
}
