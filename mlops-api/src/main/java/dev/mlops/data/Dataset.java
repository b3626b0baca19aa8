package dev.mlops.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, columnar table of typed {@link Column}s of equal length, with a row view
 * ({@link #row(int)}, {@link #rows()}).
 *
 * <p>Immutable and thread-safe. Operations that change the shape ({@link #select(List)},
 * {@link #selectRows(int[])}, {@link #withColumn(Column)}) return new datasets.
 */
public final class Dataset {
  private final String name;
  private final List<Column> columns;
  private final Map<String, Column> byName;
  private final List<String> names;
  private final int rowCount;

  private Dataset(String name, List<? extends Column> columns) {
    this.name = Objects.requireNonNull(name, "name");
    this.columns = List.copyOf(columns);
    Map<String, Column> map = new LinkedHashMap<>();
    int rows = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
    for (Column c : this.columns) {
      if (map.put(c.name(), c) != null) {
        throw new IllegalArgumentException(
            "dataset '" + name + "' has two columns named '" + c.name() + "'");
      }
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rows
                + " like column '" + this.columns.get(0).name() + "'");
      }
    }
    this.byName = map;
    this.names = List.copyOf(map.keySet());
    this.rowCount = rows;
  }

  /**
   * Creates a dataset.
   *
   * @param name a human-readable name, e.g. the file it came from
   * @param columns the columns in order; names unique, sizes equal
   * @throws IllegalArgumentException if names repeat or sizes differ
   */
  public static Dataset of(String name, List<? extends Column> columns) {
    return new Dataset(name, columns);
  }

  /**
   * Creates a dataset named {@code "dataset"}.
   *
   * @param columns the columns in order; names unique, sizes equal
   * @throws IllegalArgumentException if names repeat or sizes differ
   */
  public static Dataset of(Column... columns) {
    return new Dataset("dataset", List.of(columns));
  }

  /** Returns the dataset's name. */
  public String name() {
    return name;
  }

  /** Returns the number of rows. */
  public int rowCount() {
    return rowCount;
  }

  /** Returns the number of columns. */
  public int columnCount() {
    return columns.size();
  }

  /** Returns the columns in order. */
  public List<Column> columns() {
    return columns;
  }

  /** Returns the column names in order. */
  public List<String> columnNames() {
    return names;
  }

  /** Returns the column named {@code name}, if any. */
  public Optional<Column> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the column named {@code name}.
   *
   * @throws IllegalArgumentException naming the available columns if there is none
   */
  public Column column(String name) {
    Column c = byName.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "dataset '" + this.name + "' has no column '" + name + "'; columns: " + names);
    }
    return c;
  }

  /**
   * Returns a numeric column.
   *
   * @throws IllegalArgumentException if absent or not numeric
   */
  public NumericColumn numeric(String name) {
    return typed(name, NumericColumn.class);
  }

  /**
   * Returns a categorical column.
   *
   * @throws IllegalArgumentException if absent or not categorical
   */
  public CategoricalColumn categorical(String name) {
    return typed(name, CategoricalColumn.class);
  }

  private <C extends Column> C typed(String name, Class<C> type) {
    Column c = column(name);
    if (!type.isInstance(c)) {
      throw new IllegalArgumentException(
          "column '" + name + "' of dataset '" + this.name + "' is " + c.type() + ", not "
              + type.getSimpleName());
    }
    return type.cast(c);
  }

  /**
   * Returns a view of row {@code index}.
   *
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Record row(int index) {
    Objects.checkIndex(index, rowCount);
    return new DatasetRow(this, index);
  }

  /** Returns all rows as a read-only list of views. */
  public List<Record> rows() {
    return new AbstractList<>() {
      @Override
      public Record get(int index) {
        return row(index);
      }

      @Override
      public int size() {
        return rowCount;
      }
    };
  }

  /**
   * Returns a dataset with only the named columns, in the given order.
   *
   * @throws IllegalArgumentException if a name is absent
   */
  public Dataset select(List<String> columnNames) {
    List<Column> out = new ArrayList<>();
    for (String n : columnNames) {
      out.add(column(n));
    }
    return new Dataset(name, out);
  }

  /**
   * Returns a dataset with the rows at the given indices, in that order.
   *
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public Dataset selectRows(int[] rowIndices) {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(c.select(rowIndices));
    }
    return new Dataset(name, out);
  }

  /**
   * Returns a dataset with {@code column} added, or replacing the column of the same name.
   *
   * @throws IllegalArgumentException if its size differs from {@link #rowCount()}
   */
  public Dataset withColumn(Column column) {
    List<Column> out = new ArrayList<>(columns);
    int at = names.indexOf(column.name());
    if (at >= 0) {
      out.set(at, column);
    } else {
      out.add(column);
    }
    return new Dataset(name, out);
  }

  /** Returns the same columns under another name. */
  public Dataset withName(String newName) {
    return new Dataset(newName, columns);
  }

  /** Two datasets are equal when their columns are equal, in order; the name is ignored. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", " + rowCount + " rows x " + columns.size() + " columns]";
  }
}
