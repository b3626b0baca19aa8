package dev.mlops.core.experiments;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An open run log and the bytes waiting to be appended to it. Only the writer thread touches the
 * buffer and channel after the run was created.
 */
final class RunFile {
  private static final String STEP_FIELD = ",\"s\":";
  private static final String TIMESTAMP_FIELD = ",\"ts\":";

  final Path path;
  private final FileChannel channel;
  private byte[] pending = new byte[4096];
  private int pendingLength;
  private boolean unsynced;

  RunFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Returns a copy of the bytes waiting to be written. */
  byte[] pendingBytes() {
    return Arrays.copyOf(pending, pendingLength);
  }

  void append(byte[] line) {
    if (pendingLength + line.length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + line.length));
    }
    System.arraycopy(line, 0, pending, pendingLength, line.length);
    pendingLength += line.length;
  }

  /**
   * Appends a framed metric record, encoded straight into the buffer: the hot path of logging.
   * The line is the {@code "m"} record of the run log format, framed as {@link LogLine} does.
   *
   * @param prefix the UTF-8 bytes of {@code {"t":"m","k":"<key>","v":}}
   */
  void appendMetric(byte[] prefix, double value, long step, long timestamp) {
    int max = 9 + prefix.length + 96;
    if (pendingLength + max > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + max));
    }
    int start = pendingLength;
    int p = start + 9;
    System.arraycopy(prefix, 0, pending, p, prefix.length);
    p += prefix.length;
    if (Double.isFinite(value)) {
      // Schubfach (shortest digits that read back as the same double): several times faster
      // than Double.toString on JDK 17, whose dtoa falls to big-integer arithmetic
      p = ascii(NumberOutput.toString(value, true), p);
    } else {
      pending[p++] = '"';
      p = ascii(Double.toString(value), p);
      pending[p++] = '"';
    }
    p = ascii(STEP_FIELD, p);
    p = decimal(step, p);
    p = ascii(TIMESTAMP_FIELD, p);
    p = decimal(timestamp, p);
    pending[p++] = '}';
    LogLine.writeChecksum(pending, start, p);
    pending[p++] = '\n';
    pendingLength = p;
  }

  /** Writes a long in decimal straight into the buffer, without a temporary String. */
  private int decimal(long v, int at) {
    if (v == Long.MIN_VALUE) {
      return ascii(Long.toString(v), at);
    }
    int p = at;
    if (v < 0) {
      pending[p++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    for (int i = p + digits - 1; i >= p; i--) {
      pending[i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    return p + digits;
  }

  private int ascii(String s, int at) {
    for (int i = 0; i < s.length(); i++) {
      pending[at + i] = (byte) s.charAt(i);
    }
    return at + s.length();
  }

  /**
   * Appends the pending bytes under an exclusive lock, so a second process that (against the
   * design) appends to the same run cannot interleave inside a line.
   */
  void writePending() throws IOException {
    if (pendingLength == 0) {
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(pending, 0, pendingLength);
    FileLock lock = channel.lock();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } finally {
      lock.release();
    }
    pendingLength = 0;
    unsynced = true;
    if (pending.length > (1 << 20)) {
      pending = new byte[4096];
    }
  }

  void sync() throws IOException {
    if (unsynced) {
      channel.force(false);
      unsynced = false;
    }
  }

  void close() throws IOException {
    channel.close();
  }
}
