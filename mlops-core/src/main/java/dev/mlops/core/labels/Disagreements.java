package dev.mlops.core.labels;

import dev.mlops.labels.Disagreement;
import dev.mlops.labels.LabelConfusion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Items ranked by vote entropy and the label pairs annotators swap most often. */
final class Disagreements {
  private Disagreements() {}

  private record Ranked(int item, int ratings, double entropy) {}

  /** Most disagreement first: higher entropy, then more ratings, then item id. */
  private static final Comparator<Ranked> MOST_FIRST = Comparator
      .comparingDouble(Ranked::entropy).reversed()
      .thenComparing(Comparator.comparingInt(Ranked::ratings).reversed())
      .thenComparingInt(Ranked::item);

  static List<Disagreement> top(Ratings ratings, int limit) {
    int[] counts = new int[ratings.categoryCount()];
    // A bounded heap keeps the top entries without sorting every item.
    PriorityQueue<Ranked> heap = new PriorityQueue<>(MOST_FIRST.reversed());
    for (int i = 0; i < ratings.itemCount(); i++) {
      int m = ratings.ratingsOf(i);
      if (m < 2) {
        continue;
      }
      VoteCounts.fill(ratings, i, counts);
      double h = VoteCounts.entropy(counts, m);
      VoteCounts.clear(ratings, i, counts);
      if (h > 0) {
        heap.add(new Ranked(i, m, h));
        if (heap.size() > limit) {
          heap.poll();
        }
      }
    }
    List<Ranked> ranked = new ArrayList<>(heap);
    ranked.sort(MOST_FIRST);
    List<Disagreement> result = new ArrayList<>();
    for (Ranked r : ranked) {
      VoteCounts.fill(ratings, r.item(), counts);
      Map<String, Integer> votes = new LinkedHashMap<>();
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < counts.length; c++) {
        if (counts[c] > 0) {
          order.add(c);
        }
      }
      order.sort(Comparator.comparingInt((Integer c) -> counts[c]).reversed()
          .thenComparingInt(c -> c));
      for (int c : order) {
        votes.put(ratings.category(c), counts[c]);
      }
      VoteCounts.clear(ratings, r.item(), counts);
      result.add(new Disagreement(ratings.itemId(r.item()), r.ratings(), r.entropy(), votes));
    }
    return result;
  }

  /** Label pairs by the number of annotator pairs that gave the two labels to one item. */
  static List<LabelConfusion> confusions(Ratings ratings, int limit) {
    int v = ratings.categoryCount();
    long[] pairs = new long[v * v];
    int[] counts = new int[v];
    int[] touched = new int[v];
    for (int i = 0; i < ratings.itemCount(); i++) {
      int distinct = 0;
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        int c = ratings.categoryAt(p);
        if (counts[c]++ == 0) {
          touched[distinct++] = c;
        }
      }
      for (int x = 0; x < distinct; x++) {
        for (int y = 0; y < distinct; y++) {
          int a = touched[x];
          int b = touched[y];
          if (a < b) {
            pairs[a * v + b] += (long) counts[a] * counts[b];
          }
        }
      }
      for (int x = 0; x < distinct; x++) {
        counts[touched[x]] = 0;
      }
    }
    List<LabelConfusion> result = new ArrayList<>();
    for (int a = 0; a < v; a++) {
      for (int b = a + 1; b < v; b++) {
        if (pairs[a * v + b] > 0) {
          result.add(new LabelConfusion(ratings.category(a), ratings.category(b),
              pairs[a * v + b]));
        }
      }
    }
    // Stable sort keeps label order among equal counts.
    result.sort(Comparator.comparingLong(LabelConfusion::count).reversed());
    return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
  }
}
