package dev.mlops.testkit.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds small datasets row by row for tests:
 *
 * <pre>{@code
 * Dataset d = TestDatasets.builder("people")
 *     .column("age", FeatureType.NUMERIC)
 *     .column("city", FeatureType.CATEGORICAL)
 *     .row(31, "Oslo")
 *     .row(null, "Bergen")       // null is a missing value
 *     .build();
 * }</pre>
 *
 * <p>Builders are not thread-safe; the datasets they build are immutable.
 */
public final class TestDatasets {
  private TestDatasets() {}

  /** Starts a builder for a dataset of the given name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects columns and rows. Not thread-safe: use one builder per thread. */
  public static final class Builder {
    private final String name;
    private final Map<String, FeatureType> columns = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Declares the next column. */
    public Builder column(String column, FeatureType type) {
      if (!rows.isEmpty()) {
        throw new IllegalStateException("declare every column before the first row");
      }
      if (columns.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type")) != null) {
        throw new IllegalArgumentException("column '" + column + "' declared twice");
      }
      return this;
    }

    /**
     * Adds a row: one value per column, in declaration order; {@code null} is missing.
     *
     * @throws IllegalArgumentException if the number of values or a value's type is wrong
     */
    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "row " + rows.size() + " has " + values.length + " values, expected " + columns.size()
                + " for columns " + columns.keySet());
      }
      int i = 0;
      for (Map.Entry<String, FeatureType> c : columns.entrySet()) {
        check(c.getKey(), c.getValue(), values[i++]);
      }
      rows.add(values.clone());
      return this;
    }

    private void check(String column, FeatureType type, Object v) {
      if (v == null) {
        return;
      }
      boolean ok = switch (type) {
        case NUMERIC, INTEGER -> v instanceof Number;
        case CATEGORICAL, TEXT -> v instanceof String;
        case BOOLEAN -> v instanceof Boolean;
        case TIMESTAMP -> v instanceof Instant;
      };
      if (!ok) {
        throw new IllegalArgumentException(
            "row " + rows.size() + ", column '" + column + "' (" + type + "): unexpected "
                + v.getClass().getSimpleName() + " " + v);
      }
    }

    /** Builds the dataset. */
    public Dataset build() {
      List<Column> out = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, FeatureType> c : columns.entrySet()) {
        out.add(column(c.getKey(), c.getValue(), i++));
      }
      return Dataset.of(name, out);
    }

    private Column column(String column, FeatureType type, int index) {
      List<Object> values = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        values.add(r[index]);
      }
      return switch (type) {
        case NUMERIC, INTEGER -> NumericColumn.of(column, type, values.stream()
            .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray());
        case CATEGORICAL -> CategoricalColumn.of(column, values.stream().map(v -> (String) v).toList());
        case TEXT -> TextColumn.of(column, values.stream().map(v -> (String) v).toList());
        case BOOLEAN -> BooleanColumn.of(column, values.stream().map(v -> (Boolean) v).toList());
        case TIMESTAMP -> TimestampColumn.of(column, values.stream().map(v -> (Instant) v).toList());
      };
    }
  }
}
