package dev.mlops.data;

import java.util.Objects;

/** Argument checks shared by the column implementations. */
final class Columns {
  private Columns() {}

  static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    return name;
  }

  static void checkRow(int row, int size, String name) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException(
          "row " + row + " out of range [0, " + size + ") in column '" + name + "'");
    }
  }
}
