package dev.mlops.onnx;

/**
 * What kind of value a model input or output carries.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ValueKind {
  /** A dense tensor. */
  TENSOR,
  /** A sequence of maps, as converted scikit-learn classifiers return class probabilities. */
  SEQUENCE_OF_MAPS,
  /** A sequence of tensors. */
  SEQUENCE,
  /** A map. */
  MAP,
  /** Anything else (optional, sparse tensor, ...). */
  OTHER
}
