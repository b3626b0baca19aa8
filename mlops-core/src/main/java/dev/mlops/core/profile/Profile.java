package dev.mlops.core.profile;

import dev.mlops.data.FeatureType;
import dev.mlops.profile.ColumnProfile;
import dev.mlops.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DatasetProfile} of this module: frozen {@link NumericSummary} and
 * {@link CategoricalSummary} columns and the {@link ProfileConfig} they were built with.
 *
 * <p>Immutable and thread-safe: it holds frozen copies only and hands out no mutable state.
 */
final class Profile implements DatasetProfile {
  private final long rowCount;
  private final ProfileConfig config;
  private final List<ColumnProfile> columns;
  private final Map<String, ColumnProfile> byName;

  /** Takes ownership of frozen summaries. */
  Profile(long rowCount, ProfileConfig config, List<? extends ColumnProfile> columns) {
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
    this.rowCount = rowCount;
    this.config = Objects.requireNonNull(config, "config");
    this.columns = List.copyOf(columns);
    Map<String, ColumnProfile> map = new LinkedHashMap<>();
    for (ColumnProfile c : this.columns) {
      if (map.put(c.name(), c) != null) {
        throw new IllegalArgumentException("profile has two columns named '" + c.name() + "'");
      }
      if (c.count() > rowCount) {
        throw new IllegalArgumentException("column '" + c.name() + "' counts " + c.count()
            + " values, more than the profile's " + rowCount + " rows");
      }
    }
    this.byName = map;
  }

  ProfileConfig config() {
    return config;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public List<ColumnProfile> columns() {
    return columns;
  }

  @Override
  public List<String> columnNames() {
    return List.copyOf(byName.keySet());
  }

  @Override
  public Optional<ColumnProfile> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public Profile merge(DatasetProfile other) {
    Objects.requireNonNull(other, "other");
    if (!(other instanceof Profile that)) {
      throw new IllegalArgumentException(
          "can only merge profiles of dev.mlops.core.profile, not " + other.getClass().getName());
    }
    if (!config.mergesWith(that.config)) {
      throw new IllegalArgumentException(
          "profiles built with different sketch settings cannot merge: " + config + " vs " + that.config);
    }
    List<ColumnProfile> merged = new ArrayList<>();
    for (ColumnProfile mine : columns) {
      ColumnProfile theirs = that.byName.get(mine.name());
      merged.add(theirs == null ? mine : mergeColumns(mine, theirs));
    }
    for (ColumnProfile theirs : that.columns) {
      if (!byName.containsKey(theirs.name())) {
        merged.add(theirs);
      }
    }
    // the seed of the result is symmetric too, so that a.merge(b) equals b.merge(a)
    ProfileConfig seeded = new ProfileConfig(config.quantileAccuracy(), config.frequentItems(),
        config.distinctPrecision(), config.smallDomain(),
        config.seed() == that.config.seed() ? config.seed() : config.seed() ^ that.config.seed());
    return new Profile(rowCount + that.rowCount, seeded, merged);
  }

  private static ColumnProfile mergeColumns(ColumnProfile a, ColumnProfile b) {
    FeatureType type = mergedType(a, b);
    if (a instanceof NumericSummary na && b instanceof NumericSummary nb) {
      NumericSummary out = na.mutableCopy().withType(type);
      out.merge(nb);
      return out.frozen();
    }
    if (a instanceof CategoricalSummary ca && b instanceof CategoricalSummary cb) {
      CategoricalSummary out = ca.mutableCopy().withType(type);
      out.merge(cb);
      return out.frozen();
    }
    throw new IllegalArgumentException(typeClash(a, b));
  }

  /** INTEGER and NUMERIC merge to NUMERIC, CATEGORICAL and TEXT to TEXT; else types must agree. */
  private static FeatureType mergedType(ColumnProfile a, ColumnProfile b) {
    FeatureType x = a.type();
    FeatureType y = b.type();
    if (x == y) {
      return x;
    }
    if (x.isNumeric() && y.isNumeric()) {
      return FeatureType.NUMERIC;
    }
    if ((x == FeatureType.CATEGORICAL || x == FeatureType.TEXT)
        && (y == FeatureType.CATEGORICAL || y == FeatureType.TEXT)) {
      return FeatureType.TEXT;
    }
    throw new IllegalArgumentException(typeClash(a, b));
  }

  private static String typeClash(ColumnProfile a, ColumnProfile b) {
    return "column '" + a.name() + "' is " + a.type() + " in one profile and " + b.type()
        + " in the other; profiles merge only columns of compatible types";
  }

  @Override
  public String toString() {
    return "DatasetProfile[" + rowCount + " rows, columns " + byName.keySet() + "]";
  }
}
