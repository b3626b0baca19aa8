package dev.mlops.core.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import java.util.ArrayList;
import java.util.List;

/** Text forms of cell values shared by inference, validation, splits and reports. */
final class Values {
  /** How a missing value appears in examples and class lists: {@value}. */
  static final String MISSING = "<missing>";

  private static final double LONG_RANGE = 9.007199254740992E15; // 2^53: doubles stay exact

  private Values() {}

  /** Formats a number the way a person writes it: whole numbers without ".0". */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < LONG_RANGE) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Returns the value at {@code row} as text, or {@code null} when missing. */
  static String text(Column column, int row) {
    if (column instanceof NumericColumn n) {
      double v = n.value(row);
      return Double.isNaN(v) ? null : format(v);
    }
    if (column instanceof CategoricalColumn c) {
      return c.value(row);
    }
    if (column instanceof TextColumn t) {
      return t.value(row);
    }
    if (column instanceof BooleanColumn b) {
      return b.isMissing(row) ? null : Boolean.toString(b.value(row));
    }
    Object v = ((TimestampColumn) column).value(row);
    return v == null ? null : v.toString();
  }

  /** Returns the value at {@code row} as text for examples, {@link #MISSING} when missing. */
  static String display(Column column, int row) {
    String t = text(column, row);
    return t == null ? MISSING : t;
  }

  /** Returns a column's values as a dictionary-encoded column of their text forms. */
  static CategoricalColumn asCategorical(Column column) {
    if (column instanceof CategoricalColumn c) {
      return c;
    }
    List<String> values = new ArrayList<>(column.size());
    for (int r = 0; r < column.size(); r++) {
      values.add(text(column, r));
    }
    return CategoricalColumn.of(column.name(), values);
  }
}
