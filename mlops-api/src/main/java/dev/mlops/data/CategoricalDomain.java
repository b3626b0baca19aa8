package dev.mlops.data;

import java.util.List;
import java.util.Objects;

/**
 * Allowed values of a categorical (or boolean) feature.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values the allowed values, no duplicates
 * @param minShareInDomain the minimum share of present values that must fall in the domain, in
 *     [0, 1]; 1.0 (the default) makes every out-of-domain value a violation, 0.99 tolerates 1 %
 */
public record CategoricalDomain(List<String> values, double minShareInDomain) {
  /** Default share of values that must be in the domain: {@value}. */
  public static final double DEFAULT_MIN_SHARE_IN_DOMAIN = 1.0;

  /**
   * Copies and checks the domain.
   *
   * @throws IllegalArgumentException if values repeat or the share is outside [0, 1]
   */
  public CategoricalDomain {
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("domain values repeat: " + values);
    }
    if (!(minShareInDomain >= 0 && minShareInDomain <= 1)) {
      throw new IllegalArgumentException(
          "minShareInDomain must be in [0, 1], was " + minShareInDomain);
    }
  }

  /** A domain that every value must belong to. */
  public static CategoricalDomain of(List<String> values) {
    return new CategoricalDomain(values, DEFAULT_MIN_SHARE_IN_DOMAIN);
  }
}
