package dev.mlops.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts of (actual, predicted) label pairs, rows = actual, columns = predicted, labels in sorted
 * order like scikit-learn's {@code confusion_matrix}.
 *
 * <p>Immutable and thread-safe: the factory copies the counts.
 */
public final class ConfusionMatrix {
  private final List<String> labels;
  private final long[][] counts;

  private ConfusionMatrix(List<String> labels, long[][] counts) {
    this.labels = List.copyOf(labels);
    this.counts = counts;
  }

  /**
   * Creates a matrix.
   *
   * @param labels the class labels, index = row and column
   * @param counts {@code counts[actual][predicted]}, square of side {@code labels.size()}; copied
   * @throws IllegalArgumentException if the shape does not match or a count is negative
   */
  public static ConfusionMatrix of(List<String> labels, long[][] counts) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(counts, "counts");
    long[][] copy = new long[counts.length][];
    if (counts.length != labels.size()) {
      throw new IllegalArgumentException(
          "counts has " + counts.length + " rows, expected " + labels.size() + " (one per label)");
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != labels.size()) {
        throw new IllegalArgumentException(
            "counts row " + i + " has " + counts[i].length + " columns, expected " + labels.size());
      }
      for (long c : counts[i]) {
        if (c < 0) {
          throw new IllegalArgumentException("counts must be >= 0, row " + i + " has " + c);
        }
      }
      copy[i] = counts[i].clone();
    }
    return new ConfusionMatrix(labels, copy);
  }

  /** Returns the labels, index = row and column. */
  public List<String> labels() {
    return labels;
  }

  /** Returns the count of examples with actual label index {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /**
   * Returns the count for a pair of labels.
   *
   * @throws IllegalArgumentException if a label is not in {@link #labels()}
   */
  public long count(String actual, String predicted) {
    return counts[indexOf(actual)][indexOf(predicted)];
  }

  private int indexOf(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("label '" + label + "' is not one of " + labels);
    }
    return i;
  }

  /** Returns a copy of the counts, {@code [actual][predicted]}. */
  public long[][] toArray() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix other
        && labels.equals(other.labels)
        && Arrays.deepEquals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
  }
}
