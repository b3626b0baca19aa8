package dev.mlops.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of doubles of type {@link FeatureType#NUMERIC} or {@link FeatureType#INTEGER}; NaN
 * marks a missing value. Infinite values are kept as they are (validation decides whether they are
 * allowed).
 *
 * <p>Immutable and thread-safe: the factories copy the array they are given.
 */
public final class NumericColumn implements Column {
  private final String name;
  private final FeatureType type;
  private final double[] values;
  private final int missing;

  private NumericColumn(String name, FeatureType type, double[] values) {
    this.name = Columns.checkName(name);
    this.type = Objects.requireNonNull(type, "type");
    if (!type.isNumeric()) {
      throw new IllegalArgumentException(
          "a numeric column has type NUMERIC or INTEGER, was " + type + " for '" + name + "'");
    }
    this.values = values;
    int m = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        m++;
      }
    }
    this.missing = m;
  }

  /**
   * Creates a {@link FeatureType#NUMERIC} column from a copy of {@code values}.
   *
   * @param name column name, non-empty
   * @param values the values; NaN means missing
   */
  public static NumericColumn of(String name, double... values) {
    return new NumericColumn(name, FeatureType.NUMERIC, values.clone());
  }

  /**
   * Creates a column of the given numeric type from a copy of {@code values}.
   *
   * @param name column name, non-empty
   * @param type {@link FeatureType#NUMERIC} or {@link FeatureType#INTEGER}
   * @param values the values; NaN means missing
   * @throws IllegalArgumentException if {@code type} is not numeric, or is INTEGER and a present
   *     value is not a whole number
   */
  public static NumericColumn of(String name, FeatureType type, double... values) {
    if (type == FeatureType.INTEGER) {
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        if (!Double.isNaN(v) && (Double.isInfinite(v) || v != Math.rint(v))) {
          throw new IllegalArgumentException(
              "INTEGER column '" + name + "' has non-integer value " + v + " at row " + i);
        }
      }
    }
    return new NumericColumn(name, type, values.clone());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return type;
  }

  @Override
  public int size() {
    return values.length;
  }

  /**
   * Returns the value at {@code row}; NaN when missing.
   *
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double value(int row) {
    return values[row];
  }

  @Override
  public boolean isMissing(int row) {
    Columns.checkRow(row, values.length, name);
    return Double.isNaN(values[row]);
  }

  @Override
  public Object get(int row) {
    Columns.checkRow(row, values.length, name);
    double v = values[row];
    return Double.isNaN(v) ? null : v;
  }

  @Override
  public int missingCount() {
    return missing;
  }

  /** Returns a copy of all values, NaN included. */
  public double[] toArray() {
    return values.clone();
  }

  /** Returns a copy of the values that are not missing, in row order. */
  public double[] presentValues() {
    double[] out = new double[values.length - missing];
    int j = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        out[j++] = v;
      }
    }
    return out;
  }

  @Override
  public NumericColumn select(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new NumericColumn(name, type, out);
  }

  @Override
  public NumericColumn withName(String newName) {
    return new NumericColumn(newName, type, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericColumn other
        && name.equals(other.name)
        && type == other.type
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + type + ", " + values.length + " rows]";
  }
}
