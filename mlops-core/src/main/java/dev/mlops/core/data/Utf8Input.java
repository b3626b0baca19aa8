package dev.mlops.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding that fails at the right place: the characters before an invalid byte are
 * handed out first, and only the next read throws {@link InvalidUtf8Exception}, so a parser that
 * counts lines as it consumes characters knows the line and field of the bad byte (a JDK
 * {@code InputStreamReader} fails at the buffer refill, thousands of lines early). Reads must ask
 * for at least two characters (a supplementary character needs two). Not thread-safe.
 */
final class Utf8Input extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private boolean eof;
  private boolean flushed;
  private InvalidUtf8Exception pending;

  Utf8Input(InputStream in) {
    this.in = in;
  }

  /** An invalid byte, naming it in hex. */
  static final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    InvalidUtf8Exception(int value) {
      super(String.format(Locale.ROOT, "invalid UTF-8 byte 0x%02X", value));
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (pending != null) {
        throw pending;
      }
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        pending = new InvalidUtf8Exception(bytes.get(bytes.position()) & 0xFF);
      } else if (r.isUnderflow() && out.position() == off) {
        if (!eof) {
          fill();
        } else {
          if (!flushed) {
            flushed = true;
            decoder.flush(out);
          }
          if (out.position() == off) {
            return -1;
          }
        }
      }
    }
    return out.position() - off;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
