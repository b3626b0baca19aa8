package dev.mlops.testkit.data;

import java.util.SplittableRandom;

/**
 * Where a generator's random choices come from: every choice is a whole number drawn from a
 * range. {@link #seeded} draws from a {@link SplittableRandom}; a property-testing library plugs
 * in its own source so that it can record and shrink the draws, e.g. for QuickTheories (what
 * {@code mlops-testkit-quicktheories} ships):
 *
 * <pre>{@code
 * Gen<Dataset> gen = in -> generator.dataset((lo, hi) -> in.next(Constraint.between(lo, hi)), 100);
 * }</pre>
 *
 * <p>A generator's values move toward each range's lower end as the draws do, so shrinking the
 * draws shrinks the data. Implementations are confined to one generation call and need not be
 * thread-safe.
 */
@FunctionalInterface
public interface Randomness {

  /**
   * Returns a value in {@code [lo, hi]}.
   *
   * @param lo the smallest value, where shrinking leads
   * @param hi the largest value, {@code >= lo} and below {@link Long#MAX_VALUE}
   */
  long between(long lo, long hi);

  /** Returns a value in [0, 1) with 2<sup>-30</sup> resolution, shrinking toward 0. */
  default double unit() {
    return between(0, (1L << 30) - 1) * 0x1.0p-30;
  }

  /** Returns an index in {@code [0, size)}. */
  default int index(int size) {
    return (int) between(0, size - 1L);
  }

  /** Returns true with probability {@code p}. */
  default boolean chance(double p) {
    return unit() < p;
  }

  /** Returns randomness drawn from a {@link SplittableRandom} of {@code seed}. */
  static Randomness seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return (lo, hi) -> random.nextLong(lo, hi + 1);
  }
}
