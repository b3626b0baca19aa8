package dev.mlops.onnx;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of an ONNX {@code ModelProto} that ONNX Runtime's Java API does not expose
 * (IR version, operator sets, producer version), read straight from the protobuf wire format. The
 * graph itself is skipped.
 */
record ModelHeader(
    long irVersion, String producerName, String producerVersion, long modelVersion,
    Map<String, Long> opsets) {

  /**
   * Reads the header.
   *
   * @throws IllegalArgumentException if the bytes are not well-formed protobuf
   */
  static ModelHeader parse(byte[] bytes) {
    Reader r = new Reader(bytes, 0, bytes.length);
    long ir = 0;
    long modelVersion = 0;
    String producer = "";
    String producerVersion = "";
    Map<String, Long> opsets = new LinkedHashMap<>();
    while (r.hasMore()) {
      long tag = r.varint();
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      switch (field) {
        case 1 -> ir = r.varint();
        case 2 -> producer = r.string();
        case 3 -> producerVersion = r.string();
        case 5 -> modelVersion = r.varint();
        case 8 -> {
          Reader opset = r.nested();
          String domain = "";
          long version = 0;
          while (opset.hasMore()) {
            long t = opset.varint();
            if ((t >>> 3) == 1) {
              domain = opset.string();
            } else if ((t >>> 3) == 2) {
              version = opset.varint();
            } else {
              opset.skip((int) (t & 7));
            }
          }
          opsets.put(domain, version);
        }
        default -> r.skip(wire);
      }
    }
    return new ModelHeader(ir, producer, producerVersion, modelVersion, opsets);
  }

  /** A cursor over protobuf bytes. */
  private static final class Reader {
    private final byte[] bytes;
    private int pos;
    private final int end;

    Reader(byte[] bytes, int pos, int end) {
      this.bytes = bytes;
      this.pos = pos;
      this.end = end;
    }

    boolean hasMore() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint at byte " + pos);
        }
        byte b = bytes[pos++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint at byte " + pos);
    }

    int length() {
      long len = varint();
      if (len < 0 || len > end - pos) {
        throw new IllegalArgumentException("length " + len + " at byte " + pos + " runs past the end");
      }
      return (int) len;
    }

    String string() {
      int len = length();
      String s = new String(bytes, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    Reader nested() {
      int len = length();
      Reader r = new Reader(bytes, pos, pos + len);
      pos += len;
      return r;
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> advance(8);
        case 2 -> advance(length());
        case 5 -> advance(4);
        default -> throw new IllegalArgumentException(
            "unsupported wire type " + wireType + " at byte " + pos);
      }
    }

    private void advance(int n) {
      if (n > end - pos) {
        throw new IllegalArgumentException("field at byte " + pos + " runs past the end");
      }
      pos += n;
    }
  }
}
