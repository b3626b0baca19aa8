package dev.mlops.deployment;

/** Who acts on one request under an {@link AutomationLevel}. An enum: immutable and thread-safe. */
public enum AutomationRoute {
  /** The model's prediction is the decision. */
  AUTOMATIC,
  /** A reviewer decides, with the model's suggestion. */
  REVIEW,
  /** A human decides without (or regardless of) the model. */
  HUMAN
}
