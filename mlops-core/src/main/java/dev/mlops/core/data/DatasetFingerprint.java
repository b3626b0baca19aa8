package dev.mlops.core.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 content digests of a {@link Dataset}, written {@code "sha256:<64 hex digits>"}.
 *
 * <p>Both variants cover the column names and types, in column order, and every cell in a
 * canonical binary form (a tag per type, numbers as IEEE-754 bits, strings as length-prefixed
 * UTF-8, missing values as their own tag), so the digest depends on content and types, not on the
 * file format the data came from. The dataset's name is not covered.
 *
 * <ul>
 *   <li>{@link #ordered(Dataset)} hashes the rows in order: reordering rows changes it. Use it to
 *       identify the exact training input (what DVC does for files).
 *   <li>{@link #unordered(Dataset)} hashes the multiset of rows: the rows' own SHA-256 digests
 *       are added modulo 2<sup>256</sup> (an additive multiset hash), so shuffling keeps it while
 *       adding, removing or duplicating a row changes it.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetFingerprint {
  private static final byte MISSING = 0;
  private static final byte NUMBER = 1;
  private static final byte STRING = 2;
  private static final byte BOOLEAN = 3;
  private static final byte TIMESTAMP = 4;

  private DatasetFingerprint() {}

  /** Returns the order-sensitive digest. */
  public static String ordered(Dataset data) {
    return digest(data, true);
  }

  /** Returns the order-insensitive digest. */
  public static String unordered(Dataset data) {
    return digest(data, false);
  }

  /** Returns the order-sensitive or the order-insensitive digest. */
  public static String digest(Dataset data, boolean orderSensitive) {
    Objects.requireNonNull(data, "data");
    MessageDigest total = SpecJson.sha256();
    total.update((orderSensitive ? "mlops-rows-ordered-v1\n" : "mlops-rows-multiset-v1\n")
        .getBytes(StandardCharsets.UTF_8));
    RowEncoder encoder = new RowEncoder(data.columns());
    total.update(encoder.header());
    long[] sum = new long[4];
    MessageDigest row = SpecJson.sha256();
    for (int r = 0; r < data.rowCount(); r++) {
      ByteBuffer bytes = encoder.encode(r);
      if (orderSensitive) {
        total.update(bytes);
      } else {
        row.update(bytes);
        addModulo(sum, row.digest());
      }
    }
    if (!orderSensitive) {
      ByteBuffer tail = ByteBuffer.allocate(40);
      tail.putLong(data.rowCount());
      for (long word : sum) {
        tail.putLong(word);
      }
      total.update(tail.array());
    }
    return "sha256:" + HexFormat.of().formatHex(total.digest());
  }

  /** Adds a 256-bit big-endian number to {@code sum} (four big-endian words), modulo 2^256. */
  private static void addModulo(long[] sum, byte[] digest) {
    ByteBuffer d = ByteBuffer.wrap(digest);
    long carry = 0;
    for (int w = 3; w >= 0; w--) {
      long a = sum[w];
      long b = d.getLong(w * 8);
      long s = a + b + carry;
      carry = (Long.compareUnsigned(s, a) < 0 || (carry == 1 && s == a)) ? 1 : 0;
      sum[w] = s;
    }
  }

  /** Encodes the header and the rows into a reused buffer. Not thread-safe. */
  private static final class RowEncoder {
    private final List<Column> columns;
    private ByteBuffer buffer = ByteBuffer.allocate(1024);

    RowEncoder(List<Column> columns) {
      this.columns = columns;
    }

    byte[] header() {
      buffer.clear();
      putInt(columns.size());
      for (Column c : columns) {
        putString(c.name());
        putString(c.type().name());
      }
      buffer.flip();
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    }

    ByteBuffer encode(int row) {
      buffer.clear();
      for (Column c : columns) {
        putCell(c, row);
      }
      return buffer.flip();
    }

    private void putCell(Column c, int row) {
      ensure(9);
      if (c instanceof NumericColumn n) {
        double v = n.value(row);
        if (Double.isNaN(v)) {
          buffer.put(MISSING);
        } else {
          buffer.put(NUMBER).putLong(Double.doubleToLongBits(v));
        }
      } else if (c instanceof CategoricalColumn cat) {
        putNullableString(cat.value(row));
      } else if (c instanceof TextColumn t) {
        putNullableString(t.value(row));
      } else if (c instanceof BooleanColumn b) {
        if (b.isMissing(row)) {
          buffer.put(MISSING);
        } else {
          buffer.put(BOOLEAN).put((byte) (b.value(row) ? 1 : 0));
        }
      } else {
        Instant t = ((TimestampColumn) c).value(row);
        if (t == null) {
          buffer.put(MISSING);
        } else {
          ensure(13);
          buffer.put(TIMESTAMP).putLong(t.getEpochSecond()).putInt(t.getNano());
        }
      }
    }

    private void putNullableString(String s) {
      if (s == null) {
        buffer.put(MISSING);
      } else {
        buffer.put(STRING);
        putString(s);
      }
    }

    private void putString(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      putInt(utf8.length);
      ensure(utf8.length);
      buffer.put(utf8);
    }

    private void putInt(int v) {
      ensure(4);
      buffer.putInt(v);
    }

    private void ensure(int more) {
      if (buffer.remaining() < more) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2,
            buffer.position() + more + 64));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
    }
  }
}
