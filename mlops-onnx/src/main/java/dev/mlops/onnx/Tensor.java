package dev.mlops.onnx;

import dev.mlops.core.model.ElementType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense tensor for raw model access ({@link OnnxModel#run}): an element type, a shape and the
 * values in row-major order. Supports {@link ElementType#FLOAT}, {@link ElementType#DOUBLE},
 * {@link ElementType#INT64} and {@link ElementType#STRING}.
 *
 * <p>Immutable and thread-safe: factories and accessors copy arrays.
 */
public final class Tensor {
  private final ElementType type;
  private final long[] shape;
  private final Object data;
  private final int size;

  private Tensor(ElementType type, long[] shape, Object data, int size) {
    this.type = type;
    this.shape = shape.clone();
    long expected = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      expected *= d;
    }
    if (expected != size) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + expected + " values, was given " + size);
    }
    this.data = data;
    this.size = size;
  }

  /**
   * A float tensor.
   *
   * @throws IllegalArgumentException if the value count is not the product of the shape
   */
  public static Tensor ofFloats(long[] shape, float... values) {
    return new Tensor(ElementType.FLOAT, shape, values.clone(), values.length);
  }

  /** A double tensor; see {@link #ofFloats}. */
  public static Tensor ofDoubles(long[] shape, double... values) {
    return new Tensor(ElementType.DOUBLE, shape, values.clone(), values.length);
  }

  /** An int64 tensor; see {@link #ofFloats}. */
  public static Tensor ofLongs(long[] shape, long... values) {
    return new Tensor(ElementType.INT64, shape, values.clone(), values.length);
  }

  /** A string tensor; see {@link #ofFloats}. Values must not be null. */
  public static Tensor ofStrings(long[] shape, String... values) {
    for (String v : values) {
      Objects.requireNonNull(v, "string tensor value");
    }
    return new Tensor(ElementType.STRING, shape, values.clone(), values.length);
  }

  /** Returns the element type. */
  public ElementType type() {
    return type;
  }

  /** Returns a copy of the shape. */
  public long[] shape() {
    return shape.clone();
  }

  /** Returns the number of values. */
  public int size() {
    return size;
  }

  /**
   * Returns a copy of the float values.
   *
   * @throws IllegalStateException if the tensor is not FLOAT
   */
  public float[] floats() {
    return ((float[]) as(ElementType.FLOAT)).clone();
  }

  /** Returns a copy of the double values; {@link IllegalStateException} if not DOUBLE. */
  public double[] doubles() {
    return ((double[]) as(ElementType.DOUBLE)).clone();
  }

  /** Returns a copy of the int64 values; {@link IllegalStateException} if not INT64. */
  public long[] longs() {
    return ((long[]) as(ElementType.INT64)).clone();
  }

  /** Returns a copy of the string values; {@link IllegalStateException} if not STRING. */
  public String[] strings() {
    return ((String[]) as(ElementType.STRING)).clone();
  }

  /**
   * Returns value {@code index} (row-major) of a numeric tensor as a double.
   *
   * @throws IllegalStateException if the tensor holds strings
   */
  public double getDouble(int index) {
    return switch (type) {
      case FLOAT -> ((float[]) data)[index];
      case DOUBLE -> ((double[]) data)[index];
      case INT64 -> ((long[]) data)[index];
      default -> throw new IllegalStateException("a " + type + " tensor has no numeric values");
    };
  }

  /** Returns the values without copying, for this package. */
  Object data() {
    return data;
  }

  private Object as(ElementType wanted) {
    if (type != wanted) {
      throw new IllegalStateException("tensor holds " + type + ", not " + wanted);
    }
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor other
        && type == other.type
        && Arrays.equals(shape, other.shape)
        && Arrays.deepEquals(new Object[] {data}, new Object[] {other.data});
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.deepHashCode(new Object[] {data});
  }

  @Override
  public String toString() {
    return "Tensor[" + type + " " + Arrays.toString(shape) + "]";
  }
}
