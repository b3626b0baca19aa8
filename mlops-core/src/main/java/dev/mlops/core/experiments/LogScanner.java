package dev.mlops.core.experiments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads the complete framed lines of a log file from a position on, without locking: appends by
 * other threads or processes never rewrite bytes already there, so a reader sees a prefix of the
 * file whose last line may be incomplete. Not thread-safe; one scan per caller.
 */
final class LogScanner {
  private static final int CHUNK = 8 << 20;

  /** Where a scan stands: the offset after the last complete line and its 1-based number. */
  static final class Position {
    long offset;
    long line;
  }

  /** Receives lines and problems. */
  interface Handler {
    void line(long lineNumber, String json);

    void problem(StoreProblem problem);
  }

  private LogScanner() {}

  /**
   * Scans from {@code position} to the end of the file, advancing it past each complete line.
   *
   * @return the number of bytes after the last complete line (an incomplete last line)
   * @throws IOException if the file cannot be read
   */
  static long scan(Path file, Position position, Handler handler) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return scan(ch, file, position, handler);
    }
  }

  /**
   * Scans through a channel the caller keeps open: the way to read a file this process holds a
   * lock on, since closing any other descriptor of the file would drop the process's POSIX lock.
   *
   * @return the number of bytes after the last complete line (an incomplete last line)
   * @throws IOException if the file cannot be read
   */
  static long scan(FileChannel ch, Path file, Position position, Handler handler) throws IOException {
    long size = ch.size();
    while (position.offset < size) {
      int want = (int) Math.min(CHUNK, size - position.offset);
      ByteBuffer buf = ByteBuffer.allocate(want);
      while (buf.hasRemaining() && ch.read(buf, position.offset + buf.position()) > 0) {
        // read until full or end of file
      }
      byte[] bytes = buf.array();
      int filled = buf.position();
      int start = 0;
      for (int i = 0; i < filled; i++) {
        if (bytes[i] == '\n') {
          position.line++;
          handleLine(file, bytes, start, i, position.line, handler);
          start = i + 1;
        }
      }
      if (start == 0) {
        if (filled == CHUNK) {
          position.line++;
          handler.problem(new StoreProblem(StoreProblem.Kind.UNREADABLE_FILE, file, position.line,
              "a line is longer than " + CHUNK + " bytes; the rest of the file is not read"));
          position.offset = size;
        }
        return size - position.offset;
      }
      position.offset += start;
    }
    return 0;
  }

  /** Scans a whole file, reporting every line to {@code lines}; problems go to {@code problems}. */
  static void scanAll(Path file, Consumer<String> lines, Consumer<StoreProblem> problems) throws IOException {
    Position position = new Position();
    long tail = scan(file, position, new Handler() {
      @Override
      public void line(long lineNumber, String json) {
        lines.accept(json);
      }

      @Override
      public void problem(StoreProblem problem) {
        problems.accept(problem);
      }
    });
    if (tail > 0) {
      problems.accept(incompleteTail(file, position.line + 1, tail));
    }
  }

  static StoreProblem incompleteTail(Path file, long line, long bytes) {
    return new StoreProblem(StoreProblem.Kind.INCOMPLETE_LAST_LINE, file, line,
        bytes + " bytes without a final newline (being written, or cut off by a crash) are not read");
  }

  private static void handleLine(Path file, byte[] bytes, int start, int end, long lineNumber, Handler handler) {
    String json;
    try {
      json = LogLine.unframe(bytes, start, end);
    } catch (IllegalArgumentException e) {
      handler.problem(new StoreProblem(StoreProblem.Kind.CORRUPT_LINE, file, lineNumber, e.getMessage()));
      return;
    }
    handler.line(lineNumber, json);
  }
}
