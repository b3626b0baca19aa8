package dev.mlops.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The framing of one record in an append-only log: {@code <crc32 of the JSON as 8 lower-case hex
 * digits> <space> <JSON> <newline>}. A line cut short by a crash has no newline or a wrong checksum
 * and is detected, never misread. The experiment store, the prediction log and the rollout journal
 * all write this framing, so one reader understands them all.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChecksummedLines {
  /** Bytes before the JSON: 8 hex digits and a space, {@value}. */
  public static final int PREFIX_BYTES = 9;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ChecksummedLines() {}

  /** Returns the framed line of a JSON text, newline included. */
  public static byte[] frame(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[body.length + PREFIX_BYTES + 1];
    System.arraycopy(body, 0, line, PREFIX_BYTES, body.length);
    writeChecksum(line, 0, line.length - 1);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * Fills the {@value #PREFIX_BYTES}-byte checksum prefix of a line whose JSON is already in
   * {@code buf[start + 9, end)}; the caller appends the newline. Lets a writer encode straight into
   * its own buffer without copying.
   */
  public static void writeChecksum(byte[] buf, int start, int end) {
    CRC32 crc = new CRC32();
    crc.update(buf, start + PREFIX_BYTES, end - start - PREFIX_BYTES);
    long value = crc.getValue();
    for (int i = 7; i >= 0; i--) {
      buf[start + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    buf[start + 8] = ' ';
  }

  /**
   * Returns the JSON of a line without its newline.
   *
   * @param bytes the file content
   * @param start the first byte of the line
   * @param end the index of the line's newline (exclusive end of the line)
   * @param maxLineBytes the longest line accepted, so a damaged file cannot make a reader
   *     allocate without bound
   * @throws IllegalArgumentException saying what is wrong: too long, no checksum prefix, or a
   *     checksum that does not match (stored and computed values named)
   */
  public static String unframe(byte[] bytes, int start, int end, int maxLineBytes) {
    int length = end - start;
    if (length > maxLineBytes) {
      throw new IllegalArgumentException("line has " + length + " bytes, the limit is " + maxLineBytes);
    }
    if (length < PREFIX_BYTES || bytes[start + 8] != ' ') {
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
    crc.update(bytes, start + PREFIX_BYTES, length - PREFIX_BYTES);
    if (crc.getValue() != expected) {
      throw new IllegalArgumentException(
          "checksum mismatch (stored " + String.format(Locale.ROOT, "%08x", expected) + ", computed "
              + String.format(Locale.ROOT, "%08x", crc.getValue()) + ")");
    }
    return new String(bytes, start + PREFIX_BYTES, length - PREFIX_BYTES, StandardCharsets.UTF_8);
  }
}
