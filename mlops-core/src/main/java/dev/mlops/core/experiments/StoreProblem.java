package dev.mlops.core.experiments;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong found while reading the embedded store. The reader skips what it cannot read
 * and keeps serving the rest; these values say what was skipped and where. Immutable and
 * thread-safe.
 *
 * @param kind what kind of problem
 * @param file the file concerned
 * @param line the 1-based line number, 0 when the problem is not about one line
 * @param detail what is wrong
 */
public record StoreProblem(Kind kind, Path file, long line, String detail) {

  /** Checks arguments. */
  public StoreProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(detail, "detail");
  }

  /** Kinds of problems. Immutable and thread-safe (an enum). */
  public enum Kind {
    /**
     * The last line has no newline yet: either a writer is in the middle of appending it, or a
     * process was killed while writing. It was never acknowledged by {@code flush()} and is not
     * read; this is expected after a crash.
     */
    INCOMPLETE_LAST_LINE,
    /** A complete line whose checksum or JSON is wrong; it is skipped. */
    CORRUPT_LINE,
    /** A file that cannot be read at all (I/O error, unknown format version, missing header). */
    UNREADABLE_FILE
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + kind + ": " + detail;
  }
}
