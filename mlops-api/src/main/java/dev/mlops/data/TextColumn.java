package dev.mlops.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column of {@link FeatureType#TEXT} values; {@code null} marks a missing value.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextColumn implements Column {
  private final String name;
  private final String[] values;
  private final int missing;

  private TextColumn(String name, String[] values) {
    this.name = Columns.checkName(name);
    this.values = values;
    int m = 0;
    for (String v : values) {
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
  public static TextColumn of(String name, String... values) {
    return new TextColumn(name, values.clone());
  }

  /**
   * Creates a column from {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TextColumn of(String name, List<String> values) {
    return new TextColumn(name, values.toArray(new String[0]));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.TEXT;
  }

  @Override
  public int size() {
    return values.length;
  }

  /** Returns the value at {@code row}, or {@code null} when missing. */
  public String value(int row) {
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
  public TextColumn select(int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new TextColumn(name, out);
  }

  @Override
  public TextColumn withName(String newName) {
    return new TextColumn(newName, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextColumn other
        && name.equals(other.name)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "TextColumn[" + name + ", " + values.length + " rows]";
  }
}
