package dev.mlops.core.model;

/**
 * The element type of a model input or output tensor, named as in ONNX's
 * {@code TensorProto.DataType}. {@link #code()} is the ONNX enum number, so model writers and
 * readers can map without a table of their own.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ElementType {
  /** 32-bit IEEE float. */
  FLOAT(1),
  /** Unsigned 8-bit integer. */
  UINT8(2),
  /** Signed 8-bit integer. */
  INT8(3),
  /** Signed 16-bit integer. */
  INT16(5),
  /** Signed 32-bit integer. */
  INT32(6),
  /** Signed 64-bit integer. */
  INT64(7),
  /** UTF-8 string. */
  STRING(8),
  /** Boolean. */
  BOOL(9),
  /** 16-bit IEEE float. */
  FLOAT16(10),
  /** 64-bit IEEE float. */
  DOUBLE(11),
  /** bfloat16. */
  BFLOAT16(16),
  /** A type this SDK does not name (or a non-tensor value). */
  UNKNOWN(0);

  private final int code;

  ElementType(int code) {
    this.code = code;
  }

  /** Returns the ONNX {@code TensorProto.DataType} number. */
  public int code() {
    return code;
  }
}
