package dev.mlops.core.data;

import dev.mlops.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 tokenizer: quoted fields with {@code ""} escapes, embedded delimiters and line
 * breaks, CRLF, LF or CR line ends, an optional UTF-8 byte-order mark. It keeps one record in
 * memory at a time. Malformed input fails with a {@link DataFormatException} naming the line and
 * field. Not thread-safe.
 */
final class CsvParser {
  private static final int EOF = -1;
  private static final char BOM = '\uFEFF';

  private final Reader in;
  private final String source;
  private final char delimiter;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int len;
  private int pushedBack = Integer.MIN_VALUE;
  private boolean atStart = true;
  private long line = 1;
  private long recordLine;

  private final StringBuilder field = new StringBuilder();
  private final List<String> fields = new ArrayList<>();
  private final List<Boolean> quoted = new ArrayList<>();
  private List<String> header = List.of();

  CsvParser(Reader in, String source, char delimiter) {
    this.in = in;
    this.source = source;
    this.delimiter = delimiter;
  }

  /** Sets the header names used in error messages. */
  void header(List<String> names) {
    this.header = names;
  }

  /** The fields of the current record. */
  List<String> fields() {
    return fields;
  }

  /** Whether field {@code i} of the current record was quoted. */
  boolean quoted(int i) {
    return quoted.get(i);
  }

  /** The 1-based line on which the current record starts. */
  long recordLine() {
    return recordLine;
  }

  /**
   * Reads the next record.
   *
   * @return false at end of input
   * @throws DataFormatException on malformed input
   */
  boolean next() {
    fields.clear();
    quoted.clear();
    int c = read();
    if (c == EOF) {
      return false;
    }
    recordLine = line;
    while (true) {
      field.setLength(0);
      boolean isQuoted = c == '"';
      if (isQuoted) {
        c = readQuoted();
      } else {
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw error(line, "quote character inside an unquoted field; quote the whole field"
                + " and double the inner quotes");
          }
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      quoted.add(isQuoted);
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\r') {
        int next = read();
        if (next != '\n' && next != EOF) {
          pushedBack = next;
        }
      }
      if (c != EOF) {
        line++;
      }
      return true;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int readQuoted() {
    long openedAt = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw error(openedAt, "unterminated quoted field (the quote opened on line " + openedAt
            + " is never closed)");
      }
      if (c == '"') {
        int next = read();
        if (next == '"') {
          field.append('"');
          continue;
        }
        if (next != delimiter && next != '\n' && next != '\r' && next != EOF) {
          throw error(line, "unexpected character '" + (char) next + "' after a closing quote");
        }
        return next;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int next = read();
        if (next != '\n') {
          line++;
        }
        if (next != EOF) {
          pushedBack = next;
        }
      }
      field.append((char) c);
    }
  }

  private DataFormatException error(long atLine, String problem) {
    int column = fields.size() + 1;
    String name = column <= header.size() ? header.get(column - 1) : null;
    return new DataFormatException(source, atLine, column, name, problem);
  }

  private int read() {
    if (pushedBack != Integer.MIN_VALUE) {
      int c = pushedBack;
      pushedBack = Integer.MIN_VALUE;
      return c;
    }
    if (pos == len) {
      try {
        len = in.read(buffer, 0, buffer.length);
      } catch (Utf8Input.InvalidUtf8Exception e) {
        throw error(line, e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read " + source + " at line " + line + ": " + Sources.reason(e), e);
      }
      pos = 0;
      if (len <= 0) {
        len = 0;
        return EOF;
      }
    }
    char c = buffer[pos++];
    if (atStart) {
      atStart = false;
      if (c == BOM) {
        return read();
      }
    }
    return c;
  }
}
