package dev.mlops.onnx;

import java.util.Objects;

/**
 * One dimension of a tensor shape: a fixed size, or a symbolic name such as {@code "N"} for a
 * batch dimension, or unknown.
 *
 * <p>Immutable and thread-safe.
 *
 * @param size the fixed size, or {@code -1} when the dimension is symbolic or unknown
 * @param symbol the symbolic name, or {@code ""} when the dimension is fixed or unnamed
 */
public record Dimension(long size, String symbol) {

  /**
   * Checks the dimension.
   *
   * @throws IllegalArgumentException if {@code size < -1}
   */
  public Dimension {
    Objects.requireNonNull(symbol, "symbol");
    if (size < -1) {
      throw new IllegalArgumentException("size must be >= -1, was " + size);
    }
  }

  /** A fixed dimension. */
  public static Dimension of(long size) {
    return new Dimension(size, "");
  }

  /** A symbolic dimension (e.g. the batch). */
  public static Dimension symbolic(String symbol) {
    return new Dimension(-1, symbol);
  }

  /** Returns whether the size is fixed. */
  public boolean isFixed() {
    return size >= 0;
  }

  /** Returns the size, the symbol, or {@code "?"} when neither is known. */
  @Override
  public String toString() {
    if (isFixed()) {
      return Long.toString(size);
    }
    return symbol.isEmpty() ? "?" : symbol;
  }
}
