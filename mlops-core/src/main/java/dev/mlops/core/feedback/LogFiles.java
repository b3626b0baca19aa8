package dev.mlops.core.feedback;

import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files of a prediction log: {@code predictions-<start time>-<sequence>.jsonl} in one folder,
 * named so that sorting by name sorts by time. The current file is only ever appended to; a new
 * logger always starts a new file, so the torn tail a crash may leave stays where it is and the
 * reader reports it. Not thread-safe; owned by the logger's writer thread.
 */
final class LogFiles {
  static final String PREFIX = "predictions-";
  static final String SUFFIX = ".jsonl";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PredictionLogConfig config;
  private final MlopsClock clock;
  private FileChannel channel;
  private Path current;
  private long currentBytes;
  private long openedAt;
  private int sequence;

  LogFiles(PredictionLogConfig config, MlopsClock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Returns the log files of a folder, oldest first. */
  static List<Path> list(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      s.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  /** Returns the start time in a log file's name, if it has one. */
  static Optional<Instant> startOf(Path file) {
    String name = file.getFileName().toString();
    int end = name.indexOf('-', PREFIX.length());
    if (!name.startsWith(PREFIX) || end < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(STAMP.parse(name.substring(PREFIX.length(), end))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Returns the file being written, or a description when none is open. */
  String currentName() {
    return current != null ? current.toString() : config.directory().toString();
  }

  /** Returns whether appending {@code pending} more bytes calls for a new file first. */
  boolean shouldRotate(long pending) {
    if (channel == null || currentBytes == 0) {
      return false;
    }
    return currentBytes + pending >= config.maxFileBytes()
        || clock.wallTime() - openedAt >= config.rotateEvery().toMillis();
  }

  /** Appends bytes to the current file, opening one if needed. */
  void write(byte[] bytes, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (channel == null) {
      open();
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    currentBytes += length;
  }

  /** Makes what was written durable. */
  void sync() throws IOException {
    if (channel != null) {
      channel.force(false);
    }
  }

  /** Closes the current file (synced) and applies retention; the next write starts a new file. */
  void rotate() throws IOException {
    close();
    retain();
  }

  /** Syncs and closes the current file, if any. */
  void close() throws IOException {
    FileChannel ch = channel;
    channel = null;
    current = null;
    currentBytes = 0;
    if (ch != null) {
      try {
        ch.force(false);
      } finally {
        ch.close();
      }
    }
  }

  /** Forgets the current file after a failed write, without syncing it. */
  void abandon() {
    FileChannel ch = channel;
    channel = null;
    current = null;
    currentBytes = 0;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the file is already failing; the failure that led here was reported
      }
    }
  }

  private void open() throws IOException {
    Files.createDirectories(config.directory());
    long now = clock.wallTime();
    String stamp = STAMP.format(Instant.ofEpochMilli(now));
    while (true) {
      Path file = config.directory().resolve(
          PREFIX + stamp + "-" + String.format(Locale.ROOT, "%04d", sequence++) + SUFFIX);
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        current = file;
        currentBytes = 0;
        openedAt = now;
        return;
      } catch (FileAlreadyExistsException e) {
        // another logger (or an earlier run) started a file in the same millisecond: next number
      }
    }
  }

  /** Deletes the oldest files beyond the count and those older than the retention period. */
  private void retain() throws IOException {
    List<Path> files = list(config.directory());
    long cutoff = clock.wallTime() - config.retainFor().toMillis();
    int excess = files.size() - (config.retainFiles() - 1); // the next write opens one more
    for (Path f : files) {
      boolean old = startOf(f).map(t -> t.toEpochMilli() < cutoff).orElse(false);
      if (excess > 0 || old) {
        Files.deleteIfExists(f);
        excess--;
      }
    }
  }
}
