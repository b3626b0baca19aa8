package dev.mlops;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input data could not be parsed: a malformed CSV or JSON Lines file, a value of the wrong type in
 * a column declared with a type, a ragged row. Names the source, the 1-based line and column and,
 * where known, the column (feature) name.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class DataFormatException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String feature;

  /**
   * Creates an exception locating a parse failure.
   *
   * @param source the file name or another description of where the data came from
   * @param line 1-based line number, or 0 when unknown
   * @param column 1-based column (field) number, or 0 when unknown
   * @param feature the column's header name, or {@code null} when unknown
   * @param problem what is wrong, e.g. "unterminated quoted field"
   */
  public DataFormatException(String source, long line, long column, String feature, String problem) {
    this(source, line, column, feature, problem, null);
  }

  /**
   * Creates an exception locating a parse failure caused by another exception.
   *
   * @param source the file name or another description of where the data came from
   * @param line 1-based line number, or 0 when unknown
   * @param column 1-based column (field) number, or 0 when unknown
   * @param feature the column's header name, or {@code null} when unknown
   * @param problem what is wrong
   * @param cause the underlying exception, may be {@code null}
   */
  public DataFormatException(
      String source, long line, long column, String feature, String problem, Throwable cause) {
    super(format(source, line, column, feature, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.feature = feature;
  }

  private static String format(String source, long line, long column, String feature, String problem) {
    StringBuilder where = new StringBuilder(String.valueOf(source));
    if (line > 0) {
      where.append(", line ").append(line);
    }
    if (column > 0) {
      where.append(", column ").append(column);
    }
    if (feature != null) {
      where.append(" ('").append(feature).append("')");
    }
    return where + ": " + problem;
  }

  /** Returns the file name or description of the data source. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line, if known. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** Returns the 1-based column (field) number, if known. */
  public OptionalLong column() {
    return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
  }

  /** Returns the column (feature) name, or {@code null} when unknown. */
  public String feature() {
    return feature;
  }
}
