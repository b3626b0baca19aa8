package dev.mlops.core.feedback;

import dev.mlops.core.io.ChecksummedLines;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer into which the writer thread encodes checksummed lines back to back, so a
 * batch of records reaches the file in one write. Not thread-safe; owned by the writer thread.
 */
final class LineBuffer extends OutputStream {
  private byte[] bytes = new byte[1 << 16];
  private int size;
  private int lineStart = -1;
  private int lines;

  /** Starts a line: reserves room for the checksum prefix. */
  void startLine() {
    ensure(ChecksummedLines.PREFIX_BYTES);
    lineStart = size;
    size += ChecksummedLines.PREFIX_BYTES;
  }

  /** Ends the line started last: fills its checksum and appends the newline. */
  void endLine() {
    ChecksummedLines.writeChecksum(bytes, lineStart, size);
    write('\n');
    lineStart = -1;
    lines++;
  }

  /** Forgets the line started last, e.g. when encoding it failed. */
  void abandonLine() {
    size = lineStart;
    lineStart = -1;
  }

  int size() {
    return size;
  }

  int lines() {
    return lines;
  }

  byte[] array() {
    return bytes;
  }

  void clear() {
    size = 0;
    lines = 0;
    lineStart = -1;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
