package dev.mlops.core.data;

import dev.mlops.DataFormatException;
import java.util.List;

/**
 * The data records after the header, with blank lines at the end of the input ignored, as pandas
 * and Python's {@code csv} module do. In a file of two or more columns a blank line cannot be a
 * record, so it is held back until the next record shows whether it is trailing (ignored) or not
 * (a ragged row). In a one-column file a blank line is the row of a missing value, as {@link
 * CsvWriter} writes it, and is kept. Every record is checked to have the header's width. Not
 * thread-safe.
 */
final class RecordStream {
  private final CsvParser parser;
  private final String source;
  private final List<String> header;
  private int blanks;
  private long firstBlankLine;
  private long line;
  private long row = -1;

  /** Steps through the records after the header, which {@code parser} has already read. */
  RecordStream(CsvParser parser, String source, List<String> header) {
    this.parser = parser;
    this.source = source;
    this.header = header;
    parser.header(header);
  }

  /** Moves to the next record; false at the end (trailing blank lines dropped). */
  boolean next() {
    while (parser.next()) {
      List<String> fields = parser.fields();
      if (header.size() > 1 && fields.size() == 1 && fields.get(0).isEmpty()
          && !parser.quoted(0)) {
        if (blanks++ == 0) {
          firstBlankLine = parser.recordLine();
        }
        continue;
      }
      if (blanks > 0) {
        throw new DataFormatException(source, firstBlankLine, 1, null,
            "row has 1 fields, the header has " + header.size() + " (a blank line before more"
                + " data; only blank lines at the end are ignored)");
      }
      return current();
    }
    return false;
  }

  private boolean current() {
    line = parser.recordLine();
    row++;
    List<String> fields = parser.fields();
    if (fields.size() != header.size()) {
      throw new DataFormatException(
          source, line, Math.min(fields.size(), header.size()) + 1, null,
          "row has " + fields.size() + " fields, the header has " + header.size());
    }
    return true;
  }

  /** The fields of the current record. */
  List<String> fields() {
    return parser.fields();
  }

  /** Whether field {@code i} of the current record was quoted. */
  boolean quoted(int i) {
    return parser.quoted(i);
  }

  /** The 1-based line on which the current record starts. */
  long line() {
    return line;
  }

  /** The 0-based index of the current record among the data rows. */
  long row() {
    return row;
  }
}
