package dev.mlops.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading helpers shared by the readers: opening files, naming I/O failures. */
final class Sources {
  private Sources() {}

  /**
   * Opens a UTF-8 file for reading with {@link Utf8Input}; a folder or an unreadable file fails
   * here with the reason.
   *
   * @throws UncheckedIOException naming the file and the reason
   */
  static Reader open(Path file) {
    if (Files.isDirectory(file)) {
      String message = "cannot read " + file + ": is a directory";
      throw new UncheckedIOException(message, new IOException(message));
    }
    try {
      return new Utf8Input(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + reason(e), e);
    }
  }

  /** The operating system's reason for a failure ("No space left on device"), or the message. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Reads everything from {@code in} (not closed); I/O failures name {@code source}. */
  static String readFully(Reader in, String source) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + reason(e), e);
    }
    return sb.toString();
  }
}
