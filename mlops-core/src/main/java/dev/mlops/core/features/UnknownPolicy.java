package dev.mlops.core.features;

/**
 * What an encoder does with a category it did not see at fit time. Immutable and thread-safe
 * (an enum).
 */
public enum UnknownPolicy {
  /** Encode as all zeros (one-hot) or -1 (ordinal), scikit-learn's {@code handle_unknown="ignore"}. */
  IGNORE,
  /**
   * Reject the value with a {@link dev.mlops.data.FeatureTransformException} naming the column;
   * an exported model's input spec lists the domain as strict, so serving rejects it too.
   */
  ERROR,
  /**
   * Encode into an extra "unknown" category: one more one-hot column named
   * {@code column=}{@value FittedOp.Encode#UNKNOWN_CATEGORY}, or the ordinal code after the last.
   */
  EXTRA_COLUMN
}
