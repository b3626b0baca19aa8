package dev.mlops.core.experiments;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The framing of one record in a store log: {@code <crc32 of the JSON as 8 lower-case hex digits>
 * <space> <JSON> <newline>}. A line cut short by a crash has no newline or a wrong checksum and is
 * detected, never misread.
 */
final class LogLine {
  /** Longest accepted line in bytes, so a damaged file cannot make the reader allocate without bound. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

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
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[body.length + 10];
    System.arraycopy(body, 0, line, 9, body.length);
    writeChecksum(line, 0, line.length - 1);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * Fills the 9-byte checksum prefix of a line whose JSON is {@code buf[start + 9, end)}.
   */
  static void writeChecksum(byte[] buf, int start, int end) {
    CRC32 crc = new CRC32();
    crc.update(buf, start + 9, end - start - 9);
    long value = crc.getValue();
    for (int i = 7; i >= 0; i--) {
      buf[start + i] = (byte) HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    buf[start + 8] = ' ';
  }

  /**
   * Returns the JSON of a line without its newline, or throws naming the problem.
   *
   * @param bytes the file content
   * @param start the first byte of the line
   * @param end the index of the line's newline
   */
  static String unframe(byte[] bytes, int start, int end) {
    int length = end - start;
    if (length > MAX_LINE_BYTES) {
      throw new IllegalArgumentException("line has " + length + " bytes, the limit is " + MAX_LINE_BYTES);
    }
    if (length < 9 || bytes[start + 8] != ' ') {
      throw new IllegalArgumentException("line does not start with an 8-digit checksum and a space");
    }
    long expected = 0;
    for (int i = 0; i < 8; i++) {
      int digit = Character.digit(bytes[start + i], 16);
      if (digit < 0 || Character.isUpperCase(bytes[start + i])) {
        throw new IllegalArgumentException("line does not start with an 8-digit lower-case hex checksum");
      }
      expected = (expected << 4) | digit;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, start + 9, length - 9);
    if (crc.getValue() != expected) {
      throw new IllegalArgumentException(
          "checksum mismatch (stored " + String.format(Locale.ROOT, "%08x", expected) + ", computed "
              + String.format(Locale.ROOT, "%08x", crc.getValue()) + ")");
    }
    return new String(bytes, start + 9, length - 9, StandardCharsets.UTF_8);
  }
}
