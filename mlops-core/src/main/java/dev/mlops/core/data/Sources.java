package dev.mlops.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Reading helpers shared by the readers that must see a non-rewindable input twice. */
final class Sources {
  private Sources() {}

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
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return sb.toString();
  }
}
