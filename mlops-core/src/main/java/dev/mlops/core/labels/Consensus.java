package dev.mlops.core.labels;

import dev.mlops.labels.ConsensusLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Majority and quality-weighted consensus labels. Tie rule: the tied label given most often in
 * the whole data set wins, then the lowest category (label order).
 */
final class Consensus {
  private Consensus() {}

  static List<ConsensusLabel> of(Ratings ratings, double[] annotatorWeight) {
    long[] frequency = new long[ratings.categoryCount()];
    for (int p = 0; p < ratings.ratingCount(); p++) {
      frequency[ratings.categoryAt(p)]++;
    }
    double[] votes = new double[ratings.categoryCount()];
    double[] weighted = new double[ratings.categoryCount()];
    List<ConsensusLabel> result = new ArrayList<>(ratings.itemCount());
    for (int i = 0; i < ratings.itemCount(); i++) {
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        votes[ratings.categoryAt(p)] += 1;
        weighted[ratings.categoryAt(p)] += annotatorWeight[ratings.annotatorAt(p)];
      }
      int majority = winner(votes, frequency);
      int weightedWinner = winner(weighted, frequency);
      boolean tied = topCount(votes) > 1;
      result.add(new ConsensusLabel(ratings.itemId(i), ratings.category(majority),
          votes[majority] / ratings.ratingsOf(i), tied, ratings.category(weightedWinner)));
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        votes[ratings.categoryAt(p)] = 0;
        weighted[ratings.categoryAt(p)] = 0;
      }
    }
    return result;
  }

  /** The category with the most votes, ties broken by overall frequency, then lowest index. */
  static int winner(double[] votes, long[] frequency) {
    int best = -1;
    for (int c = 0; c < votes.length; c++) {
      if (votes[c] <= 0) {
        continue;
      }
      if (best < 0 || votes[c] > votes[best]
          || (votes[c] == votes[best] && frequency[c] > frequency[best])) {
        best = c;
      }
    }
    return best;
  }

  private static int topCount(double[] votes) {
    double top = 0;
    int tied = 0;
    for (double v : votes) {
      if (v > top) {
        top = v;
        tied = 1;
      } else if (v == top && v > 0) {
        tied++;
      }
    }
    return tied;
  }
}
