package dev.mlops.core.experiments;

import dev.mlops.core.io.ChecksummedLines;

/**
 * The framing of one record in a store log: {@code <crc32 of the JSON as 8 lower-case hex digits>
 * <space> <JSON> <newline>}. A line cut short by a crash has no newline or a wrong checksum and is
 * detected, never misread. The framing itself is {@link ChecksummedLines}, shared with the
 * prediction log; this class adds the store's line-length limit.
 */
final class LogLine {
  /** Longest accepted line in bytes, so a damaged file cannot make the reader allocate without bound. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private LogLine() {}

  /**
   * Checks at write time that a record fits in a line the reader accepts, so that what is
   * written can be read back.
   *
   * @throws IllegalArgumentException naming the record, its size and the limit
   */
  static void checkFits(String what, String json) {
    long bytes = utf8Length(json) + 10;
    if (bytes > MAX_LINE_BYTES) {
      throw new IllegalArgumentException(what + " takes " + bytes + " bytes, the limit of a store line is "
          + MAX_LINE_BYTES + " bytes; shorten its source or tags");
    }
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] frame(String json) {
    return ChecksummedLines.frame(json);
  }

  /** Fills the checksum prefix of a line whose JSON is {@code buf[start + 9, end)}. */
  static void writeChecksum(byte[] buf, int start, int end) {
    ChecksummedLines.writeChecksum(buf, start, end);
  }

  /**
   * Returns the JSON of a line without its newline, or throws naming the problem.
   *
   * @param bytes the file content
   * @param start the first byte of the line
   * @param end the index of the line's newline
   */
  static String unframe(byte[] bytes, int start, int end) {
    return ChecksummedLines.unframe(bytes, start, end, MAX_LINE_BYTES);
  }
}
