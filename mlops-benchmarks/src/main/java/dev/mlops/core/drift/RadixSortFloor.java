package dev.mlops.core.drift;

/**
 * Opens the project's package-private radix sort ({@code DoubleSorter}) to the benchmarks, which
 * time it as the floor of every sort-based drift test. It lives in mlops-core's package (a split
 * package on the benchmarks' class path, never in a published artifact) so that mlops-core need
 * not export its sorter.
 *
 * <p>Stateless and thread-safe.
 */
public final class RadixSortFloor {
  /** The digit width of the sorter's passes, in bits: {@value}. */
  public static final int BITS_PER_PASS = 11;
  /** The most digit passes the sorter makes over 64-bit keys: {@value}. */
  public static final int MAX_PASSES = 6;

  private RadixSortFloor() {}

  /**
   * Sorts in place exactly as the drift tests do.
   *
   * @param values the doubles to sort ascending
   */
  public static void sort(double[] values) {
    DoubleSorter.sort(values);
  }

  /**
   * Returns how many of the six digit passes the sorter makes over these values: a pass where
   * every key has the same digit is skipped, so the bytes moved depend on the data.
   *
   * @param values the unsorted values
   * @return the number of scatter passes, 0 to {@value #MAX_PASSES}
   */
  public static int scatterPasses(double[] values) {
    int passes = 0;
    for (int p = 0; p < MAX_PASSES; p++) {
      int shift = p * BITS_PER_PASS;
      long first = digit(values[0], shift);
      for (double v : values) {
        if (digit(v, shift) != first) {
          passes++;
          break;
        }
      }
    }
    return passes;
  }

  private static long digit(double v, int shift) {
    long bits = Double.doubleToLongBits(v);
    long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    return (key >>> shift) & ((1 << BITS_PER_PASS) - 1);
  }
}
