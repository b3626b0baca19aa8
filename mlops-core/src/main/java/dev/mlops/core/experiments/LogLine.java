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
