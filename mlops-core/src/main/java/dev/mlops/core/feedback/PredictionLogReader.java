package dev.mlops.core.feedback;

import dev.mlops.core.io.ChecksummedLines;
import dev.mlops.feedback.LoggedPrediction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a prediction log folder, oldest file first, line by line: it holds one line at a time, so
 * a log of any size streams through {@link #scan}. A torn or corrupt line is skipped and reported
 * as a {@link LogProblem} with its file and line; the reader never stops at one.
 * {@link #readAll()} collects the records and {@link PredictionLogDataset} turns them into a
 * {@code Dataset}.
 *
 * <p>Immutable and thread-safe; each scan opens its own files. Reading while a logger appends is
 * safe: the reader sees a prefix of each file.
 */
public final class PredictionLogReader {
  private final Path directory;

  private PredictionLogReader(Path directory) {
    this.directory = directory;
  }

  /** A reader of the log in this folder. */
  public static PredictionLogReader of(Path directory) {
    return new PredictionLogReader(Objects.requireNonNull(directory, "directory"));
  }

  /** What a full read found. Immutable and thread-safe. */
  public record Contents(List<LoggedPrediction> records, List<LogProblem> problems) {
    /** Copies the lists. */
    public Contents {
      records = List.copyOf(records);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads every record into memory.
   *
   * @throws dev.mlops.StoreException if the folder does not exist or cannot be listed
   */
  public Contents readAll() {
    List<LoggedPrediction> records = new ArrayList<>();
    List<LogProblem> problems = scan(records::add);
    return new Contents(records, problems);
  }

  /**
   * Streams every readable record to {@code records}, in file and line order.
   *
   * @return the lines skipped, in order
   * @throws dev.mlops.StoreException if the folder does not exist or cannot be listed
   */
  public List<LogProblem> scan(Consumer<? super LoggedPrediction> records) {
    List<Path> files;
    try {
      files = LogFiles.list(directory);
    } catch (NoSuchFileException e) {
      throw new dev.mlops.StoreException(directory.toString(), "no prediction log folder here", e);
    } catch (IOException e) {
      throw new dev.mlops.StoreException(directory.toString(), "cannot list the log: " + e, e);
    }
    List<LogProblem> problems = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        scanFile(file, in, records, problems);
      } catch (IOException e) {
        problems.add(new LogProblem(LogProblem.Kind.UNREADABLE_FILE, file, 0, e.toString()));
      }
    }
    return problems;
  }

  private static void scanFile(Path file, InputStream in, Consumer<? super LoggedPrediction> records,
      List<LogProblem> problems) throws IOException {
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[1 << 12];
    int length = 0;
    long lineNumber = 0;
    boolean tooLong = false;
    int n;
    while ((n = in.read(chunk)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (chunk[i] != '\n') {
          continue;
        }
        lineNumber++;
        int part = i - start;
        if (!tooLong && length + part <= PredictionLogFormat.MAX_LINE_BYTES) {
          line = append(line, length, chunk, start, part);
          length += part;
          handle(file, lineNumber, line, length, records, problems);
        } else {
          problems.add(new LogProblem(LogProblem.Kind.CORRUPT_LINE, file, lineNumber,
              "line is longer than " + PredictionLogFormat.MAX_LINE_BYTES + " bytes"));
        }
        length = 0;
        tooLong = false;
        start = i + 1;
      }
      int rest = n - start;
      if (length + rest > PredictionLogFormat.MAX_LINE_BYTES) {
        tooLong = true; // keep counting bytes no more; skip to the next newline
        length = 0;
      } else if (!tooLong) {
        line = append(line, length, chunk, start, rest);
        length += rest;
      }
    }
    if (length > 0 || tooLong) {
      problems.add(new LogProblem(LogProblem.Kind.INCOMPLETE_LAST_LINE, file, lineNumber + 1,
          "the last line has no newline (cut off by a crash, or being written); not read"));
    }
  }

  private static byte[] append(byte[] line, int length, byte[] src, int from, int count) {
    byte[] out = length + count > line.length
        ? Arrays.copyOf(line, Math.max(line.length * 2, length + count)) : line;
    System.arraycopy(src, from, out, length, count);
    return out;
  }

  private static void handle(Path file, long lineNumber, byte[] line, int length,
      Consumer<? super LoggedPrediction> records, List<LogProblem> problems) {
    LoggedPrediction record;
    try {
      String json = ChecksummedLines.unframe(line, 0, length, PredictionLogFormat.MAX_LINE_BYTES);
      record = PredictionLogFormat.decode(json);
    } catch (IllegalArgumentException e) {
      problems.add(new LogProblem(LogProblem.Kind.CORRUPT_LINE, file, lineNumber, e.getMessage()));
      return;
    }
    records.accept(record);
  }
}
