package dev.mlops.feedback;

import java.util.Objects;

/**
 * What happens to one sensitive field before a prediction is queued for logging.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param treatment drop, hash or generalize
 * @param bucketWidth for {@link Treatment#GENERALIZE} of a number: the width of the bucket the
 *     value is replaced by (its lower bound, {@code floor(v / width) * width}); 0 otherwise
 * @param keepChars for {@link Treatment#GENERALIZE} of text: how many leading characters are
 *     kept; 0 otherwise
 */
public record FieldRule(Treatment treatment, double bucketWidth, int keepChars) {

  /** What is done to the value. An enum: immutable and thread-safe. */
  public enum Treatment {
    /** The field is left out of the record. */
    DROP,
    /**
     * The value is replaced by {@code hmac-sha256:<hex>} of its text under the host's
     * {@link HmacKey}: equal values still match (joins, counts) but cannot be read back.
     */
    HMAC_SHA256,
    /**
     * A number becomes its bucket's lower bound, a text its first characters; a value the rule
     * cannot generalize (a text under a bucket rule, a number under a truncating one, a boolean
     * or an instant) becomes missing ({@code null}).
     */
    GENERALIZE
  }

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if a generalizing rule has neither a positive finite bucket
   *     width nor a non-negative character count, or another rule sets either
   */
  public FieldRule {
    Objects.requireNonNull(treatment, "treatment");
    if (treatment == Treatment.GENERALIZE) {
      if (!(bucketWidth >= 0) || Double.isInfinite(bucketWidth) || keepChars < 0) {
        throw new IllegalArgumentException("a GENERALIZE rule needs bucketWidth >= 0 (finite) and"
            + " keepChars >= 0, was " + bucketWidth + " and " + keepChars);
      }
    } else if (bucketWidth != 0 || keepChars != 0) {
      throw new IllegalArgumentException(
          "only a GENERALIZE rule has a bucket width or kept characters, was " + treatment);
    }
  }

  /** Leaves the field out. */
  public static FieldRule drop() {
    return new FieldRule(Treatment.DROP, 0, 0);
  }

  /** Replaces the value by its keyed hash. */
  public static FieldRule hmac() {
    return new FieldRule(Treatment.HMAC_SHA256, 0, 0);
  }

  /**
   * Replaces a number by the lower bound of its bucket of this width.
   *
   * @throws IllegalArgumentException if the width is not positive and finite
   */
  public static FieldRule bucket(double width) {
    if (!(width > 0)) {
      throw new IllegalArgumentException("bucket width must be > 0, was " + width);
    }
    return new FieldRule(Treatment.GENERALIZE, width, 0);
  }

  /**
   * Keeps the first {@code chars} characters of a text value.
   *
   * @throws IllegalArgumentException if {@code chars < 0}
   */
  public static FieldRule truncate(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("kept characters must be >= 0, was " + chars);
    }
    return new FieldRule(Treatment.GENERALIZE, 0, chars);
  }
}
