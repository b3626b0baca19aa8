package dev.mlops.profile;

import java.util.Objects;

/**
 * A value of a categorical column and how often it occurred.
 *
 * <p>Immutable and thread-safe.
 *
 * @param item the value
 * @param count how often it occurred (a lower bound when the profile is not exact), {@code >= 1}
 */
public record ItemCount(String item, long count) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public ItemCount {
    Objects.requireNonNull(item, "item");
    if (count < 1) {
      throw new IllegalArgumentException("count of '" + item + "' must be >= 1, was " + count);
    }
  }
}
