package dev.mlops.core.labels;

/** Helpers that count an item's votes per category into a reusable array. */
final class VoteCounts {
  private VoteCounts() {}

  static void fill(Ratings ratings, int item, int[] counts) {
    for (int p = ratings.itemStart(item), end = ratings.itemStart(item + 1); p < end; p++) {
      counts[ratings.categoryAt(p)]++;
    }
  }

  static void clear(Ratings ratings, int item, int[] counts) {
    for (int p = ratings.itemStart(item), end = ratings.itemStart(item + 1); p < end; p++) {
      counts[ratings.categoryAt(p)] = 0;
    }
  }

  /** Shannon entropy in bits of the non-zero counts, which sum to {@code total}. */
  static double entropy(int[] counts, int total) {
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / total;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }
}
