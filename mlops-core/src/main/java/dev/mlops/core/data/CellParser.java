package dev.mlops.core.data;

import dev.mlops.DataFormatException;
import dev.mlops.data.FeatureType;
import java.time.Instant;

/** Converts the text of one CSV cell to a value of a column's declared type. */
final class CellParser {
  private CellParser() {}

  /**
   * Returns the value as Double, String, Boolean or Instant, or {@code null} for a missing value.
   * An unquoted empty cell is missing; a quoted empty cell ({@code ""}) is the empty string in
   * categorical and text columns and missing elsewhere. Numbers, booleans and timestamps may be
   * padded with spaces; strings are kept verbatim.
   *
   * @throws DataFormatException if the text is not a value of {@code type}
   */
  static Object parse(
      String raw, boolean quoted, FeatureType type, String source, long line, int column,
      String feature) {
    if (raw.isEmpty()) {
      return quoted && (type == FeatureType.CATEGORICAL || type == FeatureType.TEXT) ? "" : null;
    }
    switch (type) {
      case CATEGORICAL, TEXT:
        return raw;
      case NUMERIC: {
        String s = raw.strip();
        if (!CellSyntax.isNumber(s)) {
          throw mismatch(raw, "a number", source, line, column, feature);
        }
        double v = CellSyntax.parseNumber(s);
        return Double.isNaN(v) ? null : v;
      }
      case INTEGER: {
        String s = raw.strip();
        double v = CellSyntax.isNumber(s) ? CellSyntax.parseNumber(s) : Double.NaN;
        if (Double.isNaN(v) && !s.equals("NaN") && !s.equals("nan")) {
          throw mismatch(raw, "an integer", source, line, column, feature);
        }
        if (Double.isNaN(v)) {
          return null;
        }
        if (Double.isInfinite(v) || v != Math.rint(v)) {
          throw mismatch(raw, "an integer", source, line, column, feature);
        }
        if (Math.abs(v) > CellSyntax.EXACT_INTEGER_LIMIT
            || (CellSyntax.isInteger(s) && !CellSyntax.fitsDouble(s))) {
          throw mismatch(raw, "an integer within ±2^53 (larger ones lose their identity as"
              + " doubles; declare the column CATEGORICAL or TEXT)", source, line, column, feature);
        }
        return v;
      }
      case BOOLEAN: {
        Boolean b = CellSyntax.parseBoolean(raw.strip());
        if (b == null) {
          throw mismatch(raw, "true or false", source, line, column, feature);
        }
        return b;
      }
      case TIMESTAMP: {
        Instant t = CellSyntax.parseTimestamp(raw.strip());
        if (t == null) {
          throw mismatch(raw, "an ISO-8601 timestamp", source, line, column, feature);
        }
        return t;
      }
      default:
        throw new AssertionError(type);
    }
  }

  private static DataFormatException mismatch(
      String raw, String expected, String source, long line, int column, String feature) {
    return new DataFormatException(
        source, line, column, feature, "expected " + expected + ", found '" + raw + "'");
  }
}
