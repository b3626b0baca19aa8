package dev.mlops.deployment;

/**
 * What a canary does with a request that has no routing key, which cannot be bucketed stickily.
 * An enum: immutable and thread-safe.
 */
public enum NoKeyPolicy {
  /** Serve it from the primary: keyless traffic never sees the candidate. The default. */
  PRIMARY,
  /**
   * Draw a bucket from the strategy's seeded random sequence, so keyless traffic gets the
   * candidate at the configured weight, without stickiness.
   */
  RANDOM,
  /** Refuse it with an {@link IllegalArgumentException} naming the request id. */
  REJECT
}
