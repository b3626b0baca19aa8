package dev.mlops.data;

import java.util.Objects;
import java.util.Optional;

/**
 * What one feature (column) must look like.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column name
 * @param type the logical type
 * @param minPresence the minimum fraction of rows in which the value must be present, in [0, 1];
 *     1.0 means required
 * @param range allowed numeric values, for numeric and integer features
 * @param domain allowed categories, for categorical and boolean features
 * @param length allowed text length, for text and categorical features
 * @param unique whether values must not repeat (e.g. an id)
 */
public record FeatureSpec(
    String name,
    FeatureType type,
    double minPresence,
    Optional<NumericRange> range,
    Optional<CategoricalDomain> domain,
    Optional<LengthBounds> length,
    boolean unique) {

  /** Default presence: {@value}, i.e. the feature is required. */
  public static final double DEFAULT_MIN_PRESENCE = 1.0;

  /**
   * Checks the spec.
   *
   * @throws IllegalArgumentException if presence is outside [0, 1], or a constraint does not fit
   *     the type (a range on a non-numeric feature, a domain on a numeric one)
   */
  public FeatureSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(length, "length");
    if (!(minPresence >= 0 && minPresence <= 1)) {
      throw new IllegalArgumentException(
          "minPresence of '" + name + "' must be in [0, 1], was " + minPresence);
    }
    if (range.isPresent() && !type.isNumeric()) {
      throw new IllegalArgumentException(
          "feature '" + name + "' of type " + type + " cannot have a numeric range");
    }
    if (domain.isPresent() && type != FeatureType.CATEGORICAL && type != FeatureType.BOOLEAN) {
      throw new IllegalArgumentException(
          "feature '" + name + "' of type " + type + " cannot have a categorical domain");
    }
    if (length.isPresent() && type != FeatureType.TEXT && type != FeatureType.CATEGORICAL) {
      throw new IllegalArgumentException(
          "feature '" + name + "' of type " + type + " cannot have length bounds");
    }
  }

  /** Returns whether the feature must be present in every row. */
  public boolean required() {
    return minPresence >= 1.0;
  }

  /** Starts a builder for a feature of the given name and type; it is required by default. */
  public static Builder builder(String name, FeatureType type) {
    return new Builder(name, type);
  }

  /** Returns a builder initialised with this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name, type);
    b.minPresence = minPresence;
    b.range = range.orElse(null);
    b.domain = domain.orElse(null);
    b.length = length.orElse(null);
    b.unique = unique;
    return b;
  }

  /** Builds {@link FeatureSpec}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final FeatureType type;
    private double minPresence = DEFAULT_MIN_PRESENCE;
    private NumericRange range;
    private CategoricalDomain domain;
    private LengthBounds length;
    private boolean unique;

    private Builder(String name, FeatureType type) {
      this.name = name;
      this.type = type;
    }

    /** Sets the minimum fraction of rows with a value (1.0 = required). */
    public Builder minPresence(double value) {
      this.minPresence = value;
      return this;
    }

    /** Makes the feature optional: any number of missing values is fine. */
    public Builder optional() {
      return minPresence(0.0);
    }

    /** Sets the allowed numeric range, or clears it with {@code null}. */
    public Builder range(NumericRange value) {
      this.range = value;
      return this;
    }

    /** Sets the allowed categories, or clears them with {@code null}. */
    public Builder domain(CategoricalDomain value) {
      this.domain = value;
      return this;
    }

    /** Sets the allowed text length, or clears it with {@code null}. */
    public Builder length(LengthBounds value) {
      this.length = value;
      return this;
    }

    /** Sets whether values must be unique. */
    public Builder unique(boolean value) {
      this.unique = value;
      return this;
    }

    /** Builds the spec, checking it. */
    public FeatureSpec build() {
      return new FeatureSpec(
          name, type, minPresence, Optional.ofNullable(range), Optional.ofNullable(domain),
          Optional.ofNullable(length), unique);
    }
  }
}
