package dev.mlops.core.data;

import dev.mlops.DataFormatException;
import dev.mlops.data.FeatureType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A CSV file read one record at a time ({@link CsvReader#open}), for work whose memory must not
 * grow with the file: each cell's original text ({@link #text}), whether it was quoted, and its
 * value parsed on demand as a declared type ({@link #value}). Not thread-safe; close it.
 */
public final class CsvRows implements AutoCloseable {
  private final Reader in;
  private final RecordStream records;
  private final String source;
  private final List<String> header;
  private final Set<String> naValues;

  CsvRows(Reader in, RecordStream records, String source, List<String> header,
      Set<String> naValues) {
    this.in = in;
    this.records = records;
    this.source = source;
    this.header = header;
    this.naValues = naValues;
  }

  /** The column names. */
  public List<String> header() {
    return header;
  }

  /**
   * Moves to the next record; false at the end (blank lines at the end are ignored).
   *
   * @throws DataFormatException for a malformed or ragged record, naming line and column
   * @throws UncheckedIOException if reading fails, naming the file, line and reason
   */
  public boolean next() {
    return records.next();
  }

  /** The original text of cell {@code column} (0-based) of the current record. */
  public String text(int column) {
    return records.fields().get(column);
  }

  /** Whether cell {@code column} of the current record was quoted. */
  public boolean quoted(int column) {
    return records.quoted(column);
  }

  /** Whether cell {@code column} is missing: empty and unquoted, or a missing-value token. */
  public boolean isMissing(int column) {
    String t = text(column);
    return (t.isEmpty() && !quoted(column)) || naValues.contains(t);
  }

  /**
   * The value of cell {@code column} read as {@code type}, as {@link CsvReader} reads it, or
   * {@code null} when missing.
   *
   * @throws DataFormatException if the text is not a value of {@code type}
   */
  public Object value(int column, FeatureType type) {
    String t = text(column);
    if (naValues.contains(t)) {
      return null;
    }
    return CellParser.parse(t, quoted(column), type, source, records.line(), column + 1,
        header.get(column));
  }

  /** The 1-based line on which the current record starts. */
  public long line() {
    return records.line();
  }

  /** The 0-based data row of the current record. */
  public long row() {
    return records.row();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source + ": " + Sources.reason(e), e);
    }
  }
}
