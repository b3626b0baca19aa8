package dev.mlops.data;

/**
 * One named, typed, immutable column of a {@link Dataset}. The permitted implementations store
 * values in primitive or dictionary-encoded arrays so a million-row column costs little more than
 * its raw values.
 *
 * <p>Every implementation is immutable and thread-safe.
 */
public sealed interface Column
    permits NumericColumn, CategoricalColumn, BooleanColumn, TextColumn, TimestampColumn {

  /** Returns the column's name, unique within its dataset. */
  String name();

  /** Returns the logical type of the values. */
  FeatureType type();

  /** Returns the number of rows. */
  int size();

  /**
   * Returns whether the value at {@code row} is missing (NaN for numbers, {@code null} otherwise).
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   */
  boolean isMissing(int row);

  /**
   * Returns the value at {@code row} boxed: {@link Double}, {@link String}, {@link Boolean} or
   * {@link java.time.Instant}, or {@code null} when missing.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not in {@code [0, size())}
   */
  Object get(int row);

  /** Returns the number of missing values. */
  int missingCount();

  /**
   * Returns a new column with the rows at the given indices, in that order (repeats allowed).
   *
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  Column select(int[] rows);

  /** Returns the same values under another name. */
  Column withName(String newName);
}
