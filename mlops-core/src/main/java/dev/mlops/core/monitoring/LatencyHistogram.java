package dev.mlops.core.monitoring;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of latencies in nanoseconds: 8 buckets per power of two, so a
 * quantile read from it overstates the true value by less than 12.5 % (the bucket's upper bound
 * is reported, which never understates a latency objective). Fixed size (496 buckets, about 4 KB)
 * whatever the traffic. Windows are differences of two {@link #counts()} readings.
 *
 * <p>Thread-safe: {@link #record} is one atomic increment.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 3;
  private static final int SUB = 1 << SUB_BITS;
  static final int BUCKETS = (64 - SUB_BITS + 1) * SUB;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    counts.incrementAndGet(index(Math.max(0, nanos)));
  }

  long[] counts() {
    long[] out = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      out[i] = counts.get(i);
    }
    return out;
  }

  static int index(long nanos) {
    if (nanos < SUB) {
      return (int) nanos;
    }
    int exp = 63 - Long.numberOfLeadingZeros(nanos);
    int mantissa = (int) ((nanos >>> (exp - SUB_BITS)) & (SUB - 1));
    return (exp - SUB_BITS + 1) * SUB + mantissa;
  }

  /** The largest value that falls in bucket {@code index}. */
  static long upperBound(int index) {
    if (index < SUB) {
      return index;
    }
    int exp = index / SUB + SUB_BITS - 1;
    int mantissa = index % SUB;
    long lower = ((long) (SUB + mantissa)) << (exp - SUB_BITS);
    return lower + (1L << (exp - SUB_BITS)) - 1;
  }

  /**
   * Returns quantile {@code q} in milliseconds of the counts (NaN when they are all 0): the upper
   * bound of the first bucket where the cumulative count reaches {@code ceil(q * total)}.
   */
  static double quantileMillis(long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return upperBound(i) / 1e6;
      }
    }
    return upperBound(counts.length - 1) / 1e6;
  }
}
