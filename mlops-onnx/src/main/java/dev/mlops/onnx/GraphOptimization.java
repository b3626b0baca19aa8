package dev.mlops.onnx;

/**
 * ONNX Runtime's graph optimization levels ({@code GraphOptimizationLevel}).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum GraphOptimization {
  /** No graph rewrites. */
  DISABLED,
  /** Constant folding and redundant-node removal. */
  BASIC,
  /** BASIC plus node fusions. */
  EXTENDED,
  /** Every optimization, including layout changes (ONNX Runtime's default). */
  ALL
}
