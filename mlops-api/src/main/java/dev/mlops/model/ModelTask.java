package dev.mlops.model;

/**
 * What a model predicts, as its {@link ModelDescriptor} says. An enum: immutable and thread-safe.
 */
public enum ModelTask {
  /** A class label, with class probabilities when the model gives them. */
  CLASSIFICATION,
  /** A number ({@link Prediction#score()}). */
  REGRESSION,
  /** The model does not say. */
  UNKNOWN
}
