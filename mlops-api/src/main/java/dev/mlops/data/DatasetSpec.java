package dev.mlops.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of a dataset: what each feature must look like, plus dataset-level rules (row count
 * bounds, the label column and its classes, an id column). Inferred from data, edited by a person,
 * stored as versioned JSON and used to validate datasets and single records at serving time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param features the feature specs in column order; names unique
 * @param minRows the minimum row count, {@code >= 0}
 * @param maxRows the maximum row count, {@code >= minRows}
 * @param labelColumn the column holding the label, if the data is labeled
 * @param labelClasses the allowed label classes (empty: not constrained)
 * @param idColumn the column identifying rows, if any
 */
public record DatasetSpec(
    List<FeatureSpec> features,
    long minRows,
    long maxRows,
    Optional<String> labelColumn,
    List<String> labelClasses,
    Optional<String> idColumn) {

  /** Version of the JSON form written by this release: {@value}. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies and checks the spec.
   *
   * @throws IllegalArgumentException if names repeat, row bounds are inverted, or the label or id
   *     column is not one of the features
   */
  public DatasetSpec {
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    labelClasses = List.copyOf(Objects.requireNonNull(labelClasses, "labelClasses"));
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(idColumn, "idColumn");
    Set<String> names = new HashSet<>();
    for (FeatureSpec f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("feature '" + f.name() + "' is specified twice");
      }
    }
    if (minRows < 0 || maxRows < minRows) {
      throw new IllegalArgumentException(
          "row bounds need 0 <= minRows <= maxRows, was [" + minRows + ", " + maxRows + "]");
    }
    labelColumn.ifPresent(l -> requireFeature(names, l, "label column"));
    idColumn.ifPresent(i -> requireFeature(names, i, "id column"));
  }

  private static void requireFeature(Set<String> names, String name, String role) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(role + " '" + name + "' is not a feature of the spec");
    }
  }

  /** Returns the spec of the named feature, if any. */
  public Optional<FeatureSpec> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Returns the feature names in order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureSpec::name).toList();
  }

  /** Starts an empty builder: no features, any row count, no label or id. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    features.forEach(b::feature);
    b.minRows = minRows;
    b.maxRows = maxRows;
    b.labelColumn = labelColumn.orElse(null);
    b.labelClasses = labelClasses;
    b.idColumn = idColumn.orElse(null);
    return b;
  }

  /** Builds {@link DatasetSpec}s. Not thread-safe. */
  public static final class Builder {
    private final java.util.LinkedHashMap<String, FeatureSpec> features =
        new java.util.LinkedHashMap<>();
    private long minRows;
    private long maxRows = Long.MAX_VALUE;
    private String labelColumn;
    private List<String> labelClasses = List.of();
    private String idColumn;

    private Builder() {}

    /** Adds a feature, or replaces the feature of the same name in place. */
    public Builder feature(FeatureSpec feature) {
      features.put(feature.name(), feature);
      return this;
    }

    /** Sets the allowed row count range. */
    public Builder rows(long min, long max) {
      this.minRows = min;
      this.maxRows = max;
      return this;
    }

    /** Sets the label column and its allowed classes (empty: unconstrained). */
    public Builder label(String column, List<String> classes) {
      this.labelColumn = column;
      this.labelClasses = classes;
      return this;
    }

    /** Sets the id column. */
    public Builder idColumn(String column) {
      this.idColumn = column;
      return this;
    }

    /** Builds the spec, checking it. */
    public DatasetSpec build() {
      return new DatasetSpec(
          List.copyOf(features.values()), minRows, maxRows, Optional.ofNullable(labelColumn),
          labelClasses, Optional.ofNullable(idColumn));
    }
  }
}
