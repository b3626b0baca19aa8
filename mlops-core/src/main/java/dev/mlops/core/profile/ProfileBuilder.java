package dev.mlops.core.profile;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.data.TimestampColumn;
import dev.mlops.profile.ColumnProfile;
import dev.mlops.profile.DatasetProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link DatasetProfile} one record at a time, for a stream: {@link #update(Record)} per
 * record, {@link #build()} whenever a snapshot is wanted (the builder keeps accumulating). Memory
 * does not grow with the number of records.
 *
 * <p>Numeric, integer and timestamp columns get a numeric profile (timestamps as epoch
 * milliseconds); categorical, boolean and text columns a categorical one. A feature a record lacks
 * counts as missing.
 *
 * <p>Not thread-safe: use one builder per thread and {@linkplain DatasetProfile#merge merge}
 * their profiles.
 */
public final class ProfileBuilder {
  private final ProfileConfig config;
  private final String[] names;
  private final NumericSummary[] numeric;
  private final CategoricalSummary[] categorical;
  /** Numeric values of the record being added, checked before any summary changes. */
  private final double[] parsed;
  private long rows;

  ProfileBuilder(Map<String, FeatureType> columns, ProfileConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    int n = columns.size();
    this.names = new String[n];
    this.numeric = new NumericSummary[n];
    this.categorical = new CategoricalSummary[n];
    this.parsed = new double[n];
    int i = 0;
    for (Map.Entry<String, FeatureType> e : columns.entrySet()) {
      names[i] = Objects.requireNonNull(e.getKey(), "column name");
      FeatureType type = Objects.requireNonNull(e.getValue(), "type of " + e.getKey());
      if (isNumeric(type)) {
        numeric[i] = new NumericSummary(names[i], type, config);
      } else {
        categorical[i] = new CategoricalSummary(names[i], type, config);
      }
      i++;
    }
  }

  static boolean isNumeric(FeatureType type) {
    return type.isNumeric() || type == FeatureType.TIMESTAMP;
  }

  /** Returns the column types of {@code dataset}, in order: a schema for a builder. */
  static Map<String, FeatureType> schemaOf(Dataset dataset) {
    Map<String, FeatureType> out = new LinkedHashMap<>();
    dataset.columns().forEach(c -> out.put(c.name(), c.type()));
    return out;
  }

  /**
   * Adds one record.
   *
   * @throws IllegalArgumentException naming the feature and the value when a numeric feature holds
   *     something other than a number (or an instant, for timestamps); the profile is then
   *     unchanged
   */
  public ProfileBuilder update(Record record) {
    Objects.requireNonNull(record, "record");
    // a record built from a map returns that map: one lookup per feature
    Map<String, Object> values = record.toMap();
    double[] parsed = this.parsed;
    for (int i = 0; i < names.length; i++) {
      if (numeric[i] != null) {
        parsed[i] = number(values.get(names[i]), names[i]);
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (numeric[i] != null) {
        numeric[i].add(parsed[i]);
      } else {
        Object v = values.get(names[i]);
        categorical[i].add(v == null || (v instanceof Double d && d.isNaN()) ? null : v.toString());
      }
    }
    rows++;
    return this;
  }

  private static double number(Object v, String feature) {
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Instant t) {
      return t.toEpochMilli();
    }
    throw new IllegalArgumentException("feature '" + feature + "' is profiled as numeric but the"
        + " record holds " + v.getClass().getSimpleName() + " '" + v + "'");
  }

  /** Adds every row of {@code dataset}, column by column (faster than record by record). */
  ProfileBuilder addDataset(Dataset dataset) {
    for (int i = 0; i < names.length; i++) {
      if (dataset.find(names[i]).isEmpty()) {
        if (numeric[i] != null) {
          numeric[i].addAll(row -> Double.NaN, dataset.rowCount());
        } else {
          categorical[i].addMissing(dataset.rowCount());
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      Column column = dataset.find(names[i]).orElse(null);
      if (column != null) {
        feed(i, column);
      }
    }
    rows += dataset.rowCount();
    return this;
  }

  private void feed(int i, Column column) {
    if (numeric[i] != null) {
      if (column instanceof NumericColumn values) {
        numeric[i].addAll(values::value, values.size());
      } else if (column instanceof TimestampColumn times) {
        numeric[i].addAll(row -> {
          Object t = times.get(row);
          return t == null ? Double.NaN : ((Instant) t).toEpochMilli();
        }, times.size());
      } else {
        throw new IllegalArgumentException(typeClash(column, numeric[i].type()));
      }
    } else if (column instanceof CategoricalColumn codes) {
      long[] counts = codes.categoryCounts();
      for (int code = 0; code < counts.length; code++) {
        if (counts[code] > 0) {
          categorical[i].add(codes.categories().get(code), counts[code]);
        }
      }
      categorical[i].addMissing(codes.missingCount());
    } else if (column instanceof NumericColumn || column instanceof TimestampColumn) {
      throw new IllegalArgumentException(typeClash(column, categorical[i].type()));
    } else {
      for (int row = 0; row < column.size(); row++) {
        Object v = column.get(row);
        categorical[i].add(v == null ? null : v.toString());
      }
    }
  }

  private static String typeClash(Column column, FeatureType profiled) {
    return "column '" + column.name() + "' is " + column.type() + " in the dataset but "
        + profiled + " in the profile";
  }

  /** Returns the number of records added. */
  public long rowCount() {
    return rows;
  }

  /** Returns a profile of everything added so far; the builder goes on accumulating. */
  public DatasetProfile build() {
    List<ColumnProfile> columns = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      columns.add(numeric[i] != null ? numeric[i].frozen() : categorical[i].frozen());
    }
    return new Profile(rows, config, columns);
  }
}
