package dev.mlops.testkit.drift;

/**
 * How a covariate shift unfolds over the rows of a {@link DriftScenario}. An enum: immutable and
 * thread-safe.
 */
public enum ChangePattern {
  /** From the change index on, every row comes from the new distribution. */
  SUDDEN,
  /**
   * Over the transition width, each row comes from the new distribution with a probability that
   * rises linearly from 0 to 1 (old and new concepts mixed); after it, every row does.
   */
  GRADUAL,
  /** Over the transition width, the mean moves linearly from the old to the new value. */
  INCREMENTAL,
  /**
   * From the change index on, the new distribution holds for a period of rows, then the old one
   * for a period, and so on (a seasonal or recurring concept).
   */
  RECURRING
}
