package dev.mlops.core.labels;

/**
 * Leave-one-out scoring: every rating on an item with at least two ratings is compared with the
 * majority of the item's other ratings. A tie among the others' top labels gives {@code 1/k}
 * credit to a label among the {@code k} tied ones, the expected score under a random tie-break,
 * so ties bias the estimate neither up nor down.
 */
final class LeaveOneOut {
  /** Sum of credits per item. */
  final double[] itemCredit;
  /** Comparisons per item (its ratings when rated at least twice, else 0). */
  final int[] itemComparisons;
  /** Sum of credits per annotator. */
  final double[] annotatorCredit;
  /** Comparisons per annotator. */
  final int[] annotatorComparisons;

  private LeaveOneOut(Ratings ratings) {
    itemCredit = new double[ratings.itemCount()];
    itemComparisons = new int[ratings.itemCount()];
    annotatorCredit = new double[ratings.annotatorCount()];
    annotatorComparisons = new int[ratings.annotatorCount()];
  }

  static LeaveOneOut of(Ratings ratings) {
    LeaveOneOut result = new LeaveOneOut(ratings);
    int[] counts = new int[ratings.categoryCount()];
    for (int i = 0; i < ratings.itemCount(); i++) {
      if (ratings.ratingsOf(i) < 2) {
        continue;
      }
      VoteCounts.fill(ratings, i, counts);
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        int own = ratings.categoryAt(p);
        counts[own]--;
        double credit = credit(counts, own);
        counts[own]++;
        int a = ratings.annotatorAt(p);
        result.annotatorCredit[a] += credit;
        result.annotatorComparisons[a]++;
        result.itemCredit[i] += credit;
        result.itemComparisons[i]++;
      }
      VoteCounts.clear(ratings, i, counts);
    }
    return result;
  }

  /**
   * Credit of {@code label} against the majority of {@code others}: 1 if it is the unique top
   * label, {@code 1/k} if it is one of {@code k} tied top labels, else 0. A label outside the
   * categories ({@code -1}) gets 0.
   */
  static double credit(int[] others, int label) {
    if (label < 0) {
      return 0;
    }
    int top = 0;
    int tied = 0;
    for (int count : others) {
      if (count > top) {
        top = count;
        tied = 1;
      } else if (count == top && count > 0) {
        tied++;
      }
    }
    return others[label] == top && top > 0 ? 1.0 / tied : 0;
  }

  long comparisons() {
    long total = 0;
    for (int c : itemComparisons) {
      total += c;
    }
    return total;
  }

  double pooledAccuracy() {
    double credit = 0;
    long total = 0;
    for (int i = 0; i < itemCredit.length; i++) {
      credit += itemCredit[i];
      total += itemComparisons[i];
    }
    return credit / total;
  }
}
