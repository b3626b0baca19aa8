package dev.mlops.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes files all or nothing, the way Git and SQLite do: the content goes to a temporary file in
 * the target's folder, which is flushed to disk ({@code fsync}), atomically renamed over the target,
 * and the folder is synced so the rename survives a crash. When anything fails (a full disk, a
 * renderer throwing half-way) the temporary file is deleted and the previous file, if any, is left
 * exactly as it was. Missing parent folders are created.
 *
 * <p>The new file gets the platform's default mode for new files ({@code 0644} under the usual
 * {@code 022} umask), not the owner-only mode of {@link Files#createTempFile}.
 *
 * <p>Failures are {@link FileSystemException}s whose {@linkplain FileSystemException#getFile()
 * file} is the target (never the temporary file) and whose reason is the operating system's, e.g.
 * {@code "/data/spec.json: cannot write: no space left on device"}.
 *
 * <p>Stateless and thread-safe. Two writers racing for the same target each write a complete file;
 * the last rename wins.
 */
public final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** Content written to the temporary file's stream; the stream is closed by the caller. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the file's bytes.
     *
     * @param out the temporary file, buffered
     * @throws IOException if writing fails; the target is then left untouched
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Text content written as UTF-8; the writer is closed by the caller. */
  @FunctionalInterface
  public interface TextContent {
    /**
     * Writes the file's text.
     *
     * @param out the temporary file as a buffered UTF-8 writer
     * @throws IOException if writing fails; the target is then left untouched
     */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes text as UTF-8.
   *
   * @throws FileSystemException naming {@code file} and the reason if it cannot be written
   */
  public static void writeString(Path file, String text) throws IOException {
    Objects.requireNonNull(text, "text");
    writeText(file, w -> w.write(text));
  }

  /**
   * Writes bytes.
   *
   * @throws FileSystemException naming {@code file} and the reason if it cannot be written
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    write(file, out -> out.write(bytes));
  }

  /**
   * Writes UTF-8 text produced by {@code content}, streaming: memory does not grow with the file.
   *
   * @throws FileSystemException naming {@code file} and the reason if it cannot be written
   */
  public static void writeText(Path file, TextContent content) throws IOException {
    Objects.requireNonNull(content, "content");
    write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      content.writeTo(w);
      w.flush();
    });
  }

  /**
   * Writes the bytes produced by {@code content}, streaming: memory does not grow with the file.
   *
   * @throws FileSystemException naming {@code file} and the reason if it cannot be written (also
   *     when {@code content} throws an {@link UncheckedIOException}); any other exception
   *     {@code content} throws, unchanged, after the temporary file is deleted
   */
  public static void write(Path file, Content content) throws IOException {
    Objects.requireNonNull(content, "content");
    try (PendingFile pending = open(file)) {
      try {
        content.writeTo(pending.stream());
      } catch (IOException e) {
        throw failure(file, reason(e), e);
      } catch (UncheckedIOException e) {
        // A writer API that wraps its I/O failures (CsvWriter's stream form): same reporting.
        throw failure(file, reason(e.getCause()), e.getCause());
      }
      pending.commit();
    }
  }

  /**
   * Starts writing {@code file} piece by piece, for callers that produce output over time instead
   * of from one callback (a CSV written row by row): the bytes go to a temporary file in the same
   * folder until {@link PendingFile#commit()}; closing without committing deletes it and leaves
   * any previous file intact.
   *
   * @throws FileSystemException naming {@code file} and the reason if it cannot be created
   */
  public static PendingFile open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return new PendingFile(file);
  }

  /**
   * A file being written atomically ({@link #open(Path)}): write to {@link #stream()}, then
   * {@link #commit()}; {@link #close()} without a commit abandons it. Not thread-safe.
   */
  public static final class PendingFile implements AutoCloseable {
    private final Path file;
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    private PendingFile(Path file) throws IOException {
      this.file = file;
      this.target = file.toAbsolutePath();
      if (Files.isDirectory(target)) {
        throw failure(file, "is a directory", null);
      }
      Path created = null;
      try {
        createFolders(target.getParent());
        created = createTemp(target.getParent(), target.getFileName().toString());
        this.channel = FileChannel.open(created, StandardOpenOption.WRITE);
      } catch (IOException e) {
        if (created != null) {
          deleteQuietly(created);
        }
        throw failure(file, reason(e), e);
      }
      this.tmp = created;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Returns the temporary file's buffered stream; do not close it, commit or close this. */
    public OutputStream stream() {
      return out;
    }

    /**
     * Flushes and fsyncs the content, renames it over the target and syncs the folder.
     *
     * @throws FileSystemException naming the target and the reason; the temporary file is then
     *     deleted by {@link #close()}
     */
    public void commit() throws IOException {
      try {
        out.flush();
        channel.force(true);
        channel.close();
        move(tmp, target);
        done = true;
        syncDirectory(target.getParent());
      } catch (IOException e) {
        throw failure(file, reason(e), e);
      }
    }

    /** Deletes the temporary file unless {@link #commit()} moved it into place. */
    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      try {
        channel.close();
      } catch (IOException ignored) {
        // The write already failed or was abandoned; the file is deleted next.
      }
      deleteQuietly(tmp);
    }
  }

  /**
   * A short, lower-case reason for an I/O failure, as the operating system states it: {@code "no
   * space left on device"}, {@code "permission denied"}, {@code "is a directory"}.
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    String text = e instanceof FileSystemException f && f.getReason() != null
        ? f.getReason() : e.getMessage();
    if (text == null || text.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  private static FileSystemException failure(Path file, String reason, IOException cause) {
    FileSystemException e = new FileSystemException(file.toString(), null, "cannot write: " + reason);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private static void createFolders(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(e.getFile() + " is a file, not a folder", e);
    }
  }

  /**
   * Creates the temporary file with {@code CREATE_NEW} and no explicit permissions, so it gets
   * the default mode for new files (umask applies), unlike {@link Files#createTempFile}'s 0600.
   */
  private static Path createTemp(Path dir, String name) throws IOException {
    byte[] suffix = new byte[6];
    for (int attempt = 0; ; attempt++) {
      RANDOM.nextBytes(suffix);
      Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(suffix) + ".tmp");
      try {
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Only where the folder's file system has no atomic rename; same folder, so rarely.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes a new directory entry durable. Linux allows fsync on a folder; where the platform does
   * not (Windows), the file's contents are synced already and the rename is as durable as it gets.
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform; see above
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // The original failure is being thrown; a leftover hidden .tmp file is the lesser harm.
    }
  }
}
