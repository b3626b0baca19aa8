package dev.mlops.core.data;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Dataset} as RFC 4180 CSV that {@link CsvReader} reads back to the same values
 * when given the same column types: a header row, LF line ends, missing values as empty cells,
 * numbers in Java's shortest round-trip form (integers without a fraction), timestamps as ISO-8601
 * instants, and strings quoted when they are empty or hold a delimiter, quote, line break or
 * leading/trailing space.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvWriter {
  private final char delimiter;

  private CsvWriter(char delimiter) {
    this.delimiter = delimiter;
  }

  /** A writer with a comma delimiter. */
  public static CsvWriter defaults() {
    return new CsvWriter(CsvReader.DEFAULT_DELIMITER);
  }

  /**
   * A writer with another delimiter.
   *
   * @throws IllegalArgumentException for a quote or line-break character
   */
  public static CsvWriter withDelimiter(char delimiter) {
    CsvReader.builder().delimiter(delimiter);
    return new CsvWriter(delimiter);
  }

  /**
   * Writes to a file atomically with {@link AtomicFiles}: readers never see half a file, and on
   * failure the previous file is left intact.
   *
   * @throws UncheckedIOException naming the file and the reason if it cannot be written
   */
  public void write(Dataset data, Path file) {
    try {
      AtomicFiles.writeText(file, w -> write(data, w));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * Writes to a writer, which is flushed but not closed.
   *
   * @throws UncheckedIOException if writing fails
   */
  public void write(Dataset data, Writer out) {
    List<Column> columns = data.columns();
    try {
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          out.write(delimiter);
        }
        out.write(quoteIfNeeded(columns.get(c).name(), false));
      }
      out.write('\n');
      StringBuilder line = new StringBuilder();
      for (int row = 0; row < data.rowCount(); row++) {
        line.setLength(0);
        for (int c = 0; c < columns.size(); c++) {
          if (c > 0) {
            line.append(delimiter);
          }
          line.append(cell(columns.get(c), row));
        }
        line.append('\n');
        out.write(line.toString());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset '" + data.name() + "'", e);
    }
  }

  private String cell(Column column, int row) {
    if (column instanceof NumericColumn n) {
      double v = n.value(row);
      if (Double.isNaN(v)) {
        return "";
      }
      if (n.type() == FeatureType.INTEGER && Math.abs(v) < 0x1p63) {
        return Long.toString((long) v);
      }
      return Double.toString(v);
    }
    Object v = column.get(row);
    if (v == null) {
      return "";
    }
    boolean isString = column.type() == FeatureType.CATEGORICAL || column.type() == FeatureType.TEXT;
    return quoteIfNeeded(v.toString(), isString);
  }

  private String quoteIfNeeded(String s, boolean emptyNeedsQuotes) {
    boolean needs = (emptyNeedsQuotes && s.isEmpty())
        || s.indexOf(delimiter) >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0
        || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
            || Character.isWhitespace(s.charAt(s.length() - 1))))
        || (!s.isEmpty() && s.charAt(0) == '\uFEFF');
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
