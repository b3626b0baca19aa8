package dev.mlops.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column of {@link FeatureType#TIMESTAMP} values ({@link Instant}); {@code null} marks a missing
 * value.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampColumn implements Column {
  private final String name;
  private final Instant[] values;
  private final int missing;

  private TimestampColumn(String name, Instant[] values) {
    this.name = Columns.checkName(name);
    this.values = values;
    int m = 0;
    for (Instant v : values) {
      if (v == null) {
        m++;
      }
    }
    this.missing = m;
  }

  /**
   * Creates a column from a copy of {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TimestampColumn of(String name, Instant... values) {
    return new TimestampColumn(name, values.clone());
  }

  /**
   * Creates a column from {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TimestampColumn of(String name, List<Instant> values) {
    return new TimestampColumn(name, values.toArray(new Instant[0]));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.TIMESTAMP;
  }

  @Override
  public int size() {
    return values.length;
  }

  /** Returns the value at {@code row}, or {@code null} when missing. */
  public Instant value(int row) {
    return values[row];
  }

  @Override
  public boolean isMissing(int row) {
    Columns.checkRow(row, values.length, name);
    return values[row] == null;
  }

  @Override
  public Object get(int row) {
    Columns.checkRow(row, values.length, name);
    return values[row];
  }

  @Override
  public int missingCount() {
    return missing;
  }

  @Override
  public TimestampColumn select(int[] rows) {
    Instant[] out = new Instant[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new TimestampColumn(name, out);
  }

  @Override
  public TimestampColumn withName(String newName) {
    return new TimestampColumn(newName, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampColumn other
        && name.equals(other.name)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "TimestampColumn[" + name + ", " + values.length + " rows]";
  }
}
