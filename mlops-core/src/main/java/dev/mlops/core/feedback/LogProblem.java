package dev.mlops.core.feedback;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of the prediction log that the reader skipped, and where it is. The reader never stops
 * at one: it reports it and reads on. Immutable and thread-safe.
 *
 * @param kind what is wrong
 * @param file the log file
 * @param line the 1-based line number, 0 when the problem is about the whole file
 * @param detail what is wrong, in words
 */
public record LogProblem(Kind kind, Path file, long line, String detail) {

  /** Checks arguments. */
  public LogProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(detail, "detail");
  }

  /** Kinds of problems. An enum: immutable and thread-safe. */
  public enum Kind {
    /**
     * The last line of a file has no newline: it was being written when the process stopped (or
     * is being written now). It was never acknowledged by {@code flush()}; expected after a crash.
     */
    INCOMPLETE_LAST_LINE,
    /** A complete line whose checksum, JSON or fields are wrong. */
    CORRUPT_LINE,
    /** A file that cannot be read at all. */
    UNREADABLE_FILE
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + kind + ": " + detail;
  }
}
