package dev.mlops.data;

import java.util.Objects;

/**
 * How often one label class occurs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the class, as text
 * @param count the number of rows with this class
 * @param share {@code count} divided by the number of rows counted (missing labels included), in [0, 1]
 */
public record ClassCount(String label, long count, double share) {
  /** Checks arguments. */
  public ClassCount {
    Objects.requireNonNull(label, "label");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
  }
}
