package dev.mlops.deployment;

/**
 * How far a model decides on its own, from human only to full automation (the lifecycle notes'
 * degrees of automation). An enum: immutable and thread-safe.
 */
public enum AutomationLevel {
  /** A human decides; the model is not consulted. */
  HUMAN_ONLY,
  /** A human decides; the model predicts alongside, and its answer is only recorded. */
  SHADOW,
  /** The model's suggestion goes to a human reviewer together with the request. */
  ASSIST,
  /**
   * Predictions at or above a confidence threshold are automatic; the rest go to a human queue.
   */
  PARTIAL,
  /** The model decides. */
  FULL
}
