package dev.mlops.core.deployment;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets for requests without a routing key under {@link dev.mlops.deployment.NoKeyPolicy#RANDOM}:
 * SplitMix64 over a counter from an explicit seed, so one thread sees a reproducible sequence and
 * many threads draw lock-free without allocating.
 *
 * <p>Thread-safe.
 */
final class KeylessBuckets {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long seed;
  private final AtomicLong counter = new AtomicLong();

  KeylessBuckets(long seed) {
    this.seed = seed;
  }

  int next() {
    long z = seed + counter.incrementAndGet() * GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) Long.remainderUnsigned(z, dev.mlops.deployment.RolloutStep.FULL_WEIGHT_BPS);
  }
}
