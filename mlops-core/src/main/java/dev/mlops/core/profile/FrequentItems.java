package dev.mlops.core.profile;

import dev.mlops.profile.ItemCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Misra–Gries summary ("Finding repeated elements", 1982) of string values with at most
 * {@code capacity} counters, merged as in Agarwal et al., "Mergeable Summaries" (PODS 2012): add
 * the counters, and if more than {@code capacity} remain subtract the ({@code capacity}+1)-th
 * largest count from all and drop those at or below zero. Every count undercounts the true one by
 * at most {@link #maxError()}, which adds up the subtractions; while no more than
 * {@code capacity} distinct values were seen nothing is subtracted and every count is exact.
 *
 * <p>Not thread-safe: a mutable accumulator, copied before it is shared.
 */
final class FrequentItems {
  /** Orders items most frequent first, ties by value: the canonical order of output and files. */
  static final Comparator<ItemCount> ORDER =
      Comparator.comparingLong(ItemCount::count).reversed().thenComparing(ItemCount::item);

  private final int capacity;
  private final Map<String, long[]> counters;
  private long maxError;

  FrequentItems(int capacity) {
    this.capacity = capacity;
    this.counters = new HashMap<>();
  }

  static FrequentItems restore(int capacity, List<ItemCount> items, long maxError) {
    if (items.size() > capacity) {
      throw new IllegalArgumentException(
          "frequent-items summary holds " + items.size() + " items, its capacity is " + capacity);
    }
    FrequentItems f = new FrequentItems(capacity);
    for (ItemCount i : items) {
      if (f.counters.put(i.item(), new long[] {i.count()}) != null) {
        throw new IllegalArgumentException("frequent item '" + i.item() + "' repeats");
      }
    }
    f.maxError = maxError;
    return f;
  }

  FrequentItems copy() {
    FrequentItems f = new FrequentItems(capacity);
    counters.forEach((item, c) -> f.counters.put(item, new long[] {c[0]}));
    f.maxError = maxError;
    return f;
  }

  int capacity() {
    return capacity;
  }

  long maxError() {
    return maxError;
  }

  /** Counts one occurrence of {@code item}. */
  void add(String item) {
    add(item, 1);
  }

  /** Counts {@code times} occurrences of {@code item}. */
  void add(String item, long times) {
    long[] c = counters.get(item);
    if (c != null) {
      c[0] += times;
      return;
    }
    counters.put(item, new long[] {times});
    if (counters.size() > capacity) {
      reduce();
    }
  }

  /** Adds the counters of {@code other} (same capacity) and reduces to the capacity. */
  void merge(FrequentItems other) {
    if (other.capacity != capacity) {
      throw new IllegalArgumentException("cannot merge frequent-items summaries of capacity "
          + capacity + " and " + other.capacity);
    }
    other.counters.forEach((item, c) -> counters.computeIfAbsent(item, x -> new long[1])[0] += c[0]);
    maxError += other.maxError;
    if (counters.size() > capacity) {
      reduce();
    }
  }

  /** Returns the counted items in {@link #ORDER}. */
  List<ItemCount> items() {
    List<ItemCount> out = new ArrayList<>(counters.size());
    counters.forEach((item, c) -> out.add(new ItemCount(item, c[0])));
    out.sort(ORDER);
    return out;
  }

  long total() {
    long t = 0;
    for (long[] c : counters.values()) {
      t += c[0];
    }
    return t;
  }

  int size() {
    return counters.size();
  }

  private void reduce() {
    long[] all = new long[counters.size()];
    int i = 0;
    for (long[] c : counters.values()) {
      all[i++] = c[0];
    }
    java.util.Arrays.sort(all);
    long cut = all[all.length - 1 - capacity];
    counters.values().forEach(c -> c[0] -= cut);
    counters.values().removeIf(c -> c[0] <= 0);
    maxError += cut;
  }
}
