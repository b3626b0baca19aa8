package dev.mlops.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Shared storage of the columns whose values are objects, one array slot per row, {@code null}
 * for missing ({@link TextColumn}, {@link TimestampColumn}). Immutable: subclasses never expose
 * the array.
 *
 * @param <T> the value type
 */
abstract class ObjectArrayColumn<T> {
  private final String name;
  private final T[] values;
  private final int missing;

  ObjectArrayColumn(String name, T[] values) {
    this.name = Columns.checkName(name);
    this.values = values;
    int m = 0;
    for (T v : values) {
      if (v == null) {
        m++;
      }
    }
    this.missing = m;
  }

  /** Creates a column of the same kind over {@code newValues}, which it then owns. */
  abstract ObjectArrayColumn<T> create(String newName, T[] newValues);

  public String name() {
    return name;
  }

  public int size() {
    return values.length;
  }

  /** Returns the value at {@code row}, or {@code null} when missing. */
  public T value(int row) {
    return values[row];
  }

  public boolean isMissing(int row) {
    Columns.checkRow(row, values.length, name);
    return values[row] == null;
  }

  public Object get(int row) {
    Columns.checkRow(row, values.length, name);
    return values[row];
  }

  public int missingCount() {
    return missing;
  }

  final T[] selectValues(int[] rows) {
    T[] out = Arrays.copyOf(values, rows.length);
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  final T[] values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && name.equals(((ObjectArrayColumn<?>) o).name)
        && Arrays.equals(values, ((ObjectArrayColumn<?>) o).values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), name, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + ", " + values.length + " rows]";
  }
}
