package dev.mlops.core.drift;

import java.util.Arrays;

/**
 * Bins for the binned distances of numeric data: edges at the reference quantiles 1/k, …,
 * (k−1)/k (linear interpolation, numpy's default), duplicates removed, the outer bins open to
 * −∞ and +∞ so current values outside the reference range are counted. A value v falls in bin i
 * when e<sub>i</sub> ≤ v &lt; e<sub>i+1</sub>. Both sides share the same edges.
 *
 * <p>Immutable and thread-safe.
 */
final class QuantileBins {
  /** Default number of bins: {@value} (Evidently's default for binned tests). */
  public static final int DEFAULT_BINS = 10;

  private final double[] edges;

  private QuantileBins(double[] edges) {
    this.edges = edges;
  }

  /**
   * Builds the bins from a sorted reference sample.
   *
   * @param sortedReference reference values sorted ascending, finite, not empty
   * @param bins the number of quantile bins, at least 2
   */
  public static QuantileBins fromSorted(double[] sortedReference, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, was " + bins);
    }
    if (sortedReference.length == 0) {
      throw new IllegalArgumentException("the reference sample is empty");
    }
    double[] raw = new double[bins - 1];
    int n = sortedReference.length;
    for (int i = 1; i < bins; i++) {
      double position = (double) i / bins * (n - 1);
      int lo = (int) Math.floor(position);
      int hi = Math.min(lo + 1, n - 1);
      double fraction = position - lo;
      raw[i - 1] = sortedReference[lo] + fraction * (sortedReference[hi] - sortedReference[lo]);
    }
    return new QuantileBins(Arrays.stream(raw).distinct().toArray());
  }

  /** Returns the inner edges, ascending, without duplicates. */
  public double[] edges() {
    return edges.clone();
  }

  /** Returns the number of bins (inner edges + 1). */
  public int size() {
    return edges.length + 1;
  }

  /** Counts sorted values per bin in one pass. */
  public long[] countSorted(double[] sorted) {
    long[] counts = new long[size()];
    int bin = 0;
    for (double v : sorted) {
      while (bin < edges.length && v >= edges[bin]) {
        bin++;
      }
      counts[bin]++;
    }
    return counts;
  }
}
