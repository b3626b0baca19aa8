package dev.mlops.data;

/**
 * Allowed length (in UTF-16 code units, {@link String#length()}) of a text feature.
 *
 * <p>Immutable and thread-safe.
 *
 * @param min minimum length, inclusive, {@code >= 0}
 * @param max maximum length, inclusive, {@code >= min}
 */
public record LengthBounds(int min, int max) {
  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if {@code min < 0} or {@code max < min}
   */
  public LengthBounds {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          "length bounds need 0 <= min <= max, was [" + min + ", " + max + "]");
    }
  }
}
