package dev.mlops.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column of {@link FeatureType#BOOLEAN} values; {@code null} marks a missing value. Stored as
 * one byte per row.
 *
 * <p>Immutable and thread-safe.
 */
public final class BooleanColumn implements Column {
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte MISSING = -1;

  private final String name;
  private final byte[] values;
  private final int missing;

  private BooleanColumn(String name, byte[] values) {
    this.name = Columns.checkName(name);
    this.values = values;
    int m = 0;
    for (byte v : values) {
      if (v == MISSING) {
        m++;
      }
    }
    this.missing = m;
  }

  /**
   * Creates a column; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static BooleanColumn of(String name, Boolean... values) {
    return of(name, Arrays.asList(values));
  }

  /**
   * Creates a column; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static BooleanColumn of(String name, List<Boolean> values) {
    byte[] bytes = new byte[values.size()];
    for (int i = 0; i < bytes.length; i++) {
      Boolean v = values.get(i);
      bytes[i] = v == null ? MISSING : (v ? TRUE : FALSE);
    }
    return new BooleanColumn(name, bytes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.BOOLEAN;
  }

  @Override
  public int size() {
    return values.length;
  }

  /**
   * Returns the value at {@code row}.
   *
   * @throws IllegalStateException if the value is missing
   */
  public boolean value(int row) {
    byte v = values[row];
    if (v == MISSING) {
      throw new IllegalStateException("row " + row + " of '" + name + "' is missing");
    }
    return v == TRUE;
  }

  @Override
  public boolean isMissing(int row) {
    Columns.checkRow(row, values.length, name);
    return values[row] == MISSING;
  }

  @Override
  public Object get(int row) {
    Columns.checkRow(row, values.length, name);
    byte v = values[row];
    return v == MISSING ? null : v == TRUE;
  }

  @Override
  public int missingCount() {
    return missing;
  }

  @Override
  public BooleanColumn select(int[] rows) {
    byte[] out = new byte[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new BooleanColumn(name, out);
  }

  @Override
  public BooleanColumn withName(String newName) {
    return new BooleanColumn(newName, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BooleanColumn other
        && name.equals(other.name)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "BooleanColumn[" + name + ", " + values.length + " rows]";
  }
}
