package dev.mlops.core.data;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
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
   * Starts writing a file row by row, for output whose size must not be held in memory: rows go
   * to a temporary file in the same folder ({@link AtomicFiles#open(Path)}), which
   * {@link Rows#commit()} fsyncs and moves over {@code file}; closing without committing deletes
   * it, leaving any old file intact.
   *
   * @throws UncheckedIOException if the file cannot be created, naming it and the reason
   */
  public Rows open(Path file) {
    try {
      return new Rows(file, AtomicFiles.open(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * A CSV file being written row by row ({@link CsvWriter#open}), the header row first. Cells
   * are text: {@code null} is a missing value (an empty cell), the empty string is written
   * {@code ""}, and a text is quoted when it needs to be, so reading the file gives back every
   * text exactly. Not thread-safe.
   */
  public final class Rows implements AutoCloseable {
    private final Path target;
    private final AtomicFiles.PendingFile file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    private Rows(Path target, AtomicFiles.PendingFile file) {
      this.target = target;
      this.file = file;
      this.out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
    }

    /**
     * Writes one row of cell texts.
     *
     * @throws UncheckedIOException if writing fails, naming the file and the reason
     */
    public void row(List<String> cells) {
      line.setLength(0);
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          line.append(delimiter);
        }
        String cell = cells.get(c);
        if (cell != null) {
          line.append(quoteIfNeeded(cell, true));
        }
      }
      line.append('\n');
      try {
        out.write(line.toString());
      } catch (IOException e) {
        throw failure(e);
      }
    }

    /**
     * Flushes, fsyncs and moves the file into place.
     *
     * @throws UncheckedIOException if that fails, naming the file and the reason
     */
    public void commit() {
      try {
        out.flush();
        file.commit();
      } catch (IOException e) {
        throw failure(e);
      }
    }

    private UncheckedIOException failure(IOException e) {
      // AtomicFiles' own failures name the target already; a buffered write's do not.
      String message = e instanceof FileSystemException
          ? e.getMessage() : target + ": cannot write: " + AtomicFiles.reason(e);
      return new UncheckedIOException(message, e);
    }

    /** Deletes the temporary file unless {@link #commit()} moved it into place. */
    @Override
    public void close() {
      file.close();
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
