package dev.mlops.core.deployment;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free latency histogram with about 1.6 % relative precision: values below 64 ns are kept
 * exactly, larger ones in 64 sub-buckets per power of two (HdrHistogram's layout, coarser).
 * Recording never allocates, so it can sit on the prediction path.
 *
 * <p>Thread-safe.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 6;
  private static final int SUB = 1 << SUB_BITS;
  private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

  void record(long nanos) {
    counts.incrementAndGet(index(Math.max(0, nanos)));
  }

  /** Adds counts restored from a journal: bucket index to count. */
  void add(int index, long count) {
    counts.addAndGet(index, count);
  }

  /** Returns the non-empty buckets, index to count, for a journal. */
  Map<Integer, Long> buckets() {
    Map<Integer, Long> out = new TreeMap<>();
    for (int i = 0; i < counts.length(); i++) {
      long c = counts.get(i);
      if (c != 0) {
        out.put(i, c);
      }
    }
    return out;
  }

  long count() {
    long n = 0;
    for (int i = 0; i < counts.length(); i++) {
      n += counts.get(i);
    }
    return n;
  }

  /**
   * Returns the {@code q}-quantile in milliseconds (the middle of the bucket holding the
   * {@code ceil(q n)}-th smallest value); NaN when empty.
   */
  double quantileMillis(double q) {
    long[] snapshot = new long[counts.length()];
    long n = 0;
    for (int i = 0; i < snapshot.length; i++) {
      snapshot[i] = counts.get(i);
      n += snapshot[i];
    }
    if (n == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < snapshot.length; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return middle(i) / 1e6;
      }
    }
    return middle(snapshot.length - 1) / 1e6;
  }

  static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    return (exponent - SUB_BITS + 1) * SUB + (int) ((v >>> (exponent - SUB_BITS)) & (SUB - 1));
  }

  static double middle(int index) {
    if (index < SUB) {
      return index;
    }
    int exponent = index / SUB + SUB_BITS - 1;
    long sub = index % SUB;
    double width = Math.pow(2, exponent - SUB_BITS);
    return Math.pow(2, exponent) + sub * width + width / 2;
  }
}
