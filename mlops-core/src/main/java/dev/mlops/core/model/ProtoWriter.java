package dev.mlops.core.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the protocol-buffers wire format (varints, length-delimited fields, packed repeated
 * numbers) that ONNX files use. Just enough of it for {@link OnnxModelWriter}; not thread-safe.
 */
final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  byte[] toByteArray() {
    return out.toByteArray();
  }

  ProtoWriter int64(int field, long value) {
    tag(field, VARINT);
    varint(value);
    return this;
  }

  ProtoWriter float32(int field, float value) {
    tag(field, FIXED32);
    fixed32(Float.floatToIntBits(value));
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter message(int field, ProtoWriter nested) {
    return bytes(field, nested.toByteArray());
  }

  ProtoWriter packedInt64(int field, long[] values) {
    ProtoWriter body = new ProtoWriter();
    for (long v : values) {
      body.varint(v);
    }
    return message(field, body);
  }

  ProtoWriter packedFloat(int field, float[] values) {
    ProtoWriter body = new ProtoWriter();
    for (float v : values) {
      body.fixed32(Float.floatToIntBits(v));
    }
    return message(field, body);
  }

  ProtoWriter packedDouble(int field, double[] values) {
    ProtoWriter body = new ProtoWriter();
    for (double v : values) {
      body.fixed64(Double.doubleToLongBits(v));
    }
    return message(field, body);
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  /** Negative values take ten bytes, as protobuf encodes int64 two's complement. */
  private void varint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private void fixed32(int bits) {
    for (int i = 0; i < 4; i++) {
      out.write((bits >>> (8 * i)) & 0xFF);
    }
  }

  private void fixed64(long bits) {
    for (int i = 0; i < 8; i++) {
      out.write((int) ((bits >>> (8 * i)) & 0xFF));
    }
  }
}
