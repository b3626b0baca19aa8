package dev.mlops.core.profile;

import java.util.Arrays;

/**
 * A KLL quantile sketch (Karnin, Lang and Liberty, "Optimal Quantile Approximation in Streams",
 * FOCS 2016) of finite doubles, written for this project: levels of buffers whose items weigh
 * 2<sup>h</sup> at level h; a full level is sorted and every other item (odd or even positions,
 * by a random bit) moves up with twice the weight. Level capacities shrink by 2/3 per level
 * below the top, as in the paper, so the sketch keeps about 3k items whatever the stream length.
 *
 * <p>Error: each compaction at level h moves the estimated rank of any point by 0 or ±2<sup>h</sup>
 * with mean 0, so the error of a rank is a martingale with increments bounded by 2<sup>h</sup>;
 * the sketch sums their squares ({@link #variance}) exactly, and Azuma–Hoeffding with a union
 * bound over the 2n points where the true CDF can step gives a bound holding at every x at once
 * (see {@link #rankError}). Merging concatenates levels (ranks and variances add) and compacts;
 * the merged state depends only on the two inputs, not on their order.
 *
 * <p>The random bits come from a SplitMix64 sequence seeded by the caller, so a profile is a
 * function of its seed and its input. Not thread-safe: a mutable accumulator, copied before it is
 * shared.
 */
final class QuantileSketch {
  /** Smallest capacity of a level: {@value} (the paper's lower levels keep at least a few). */
  static final int MIN_LEVEL_CAPACITY = 8;
  private static final double CAPACITY_DECAY = 2.0 / 3.0;

  private final int k;
  private double[][] levels;
  private int[] sizes;
  private int height;
  private int[] capacities;
  private int retained;
  private int capacity;
  private long count;
  private double variance;
  private long random;

  QuantileSketch(int k, long seed) {
    this.k = k;
    this.levels = new double[][] {new double[Math.max(MIN_LEVEL_CAPACITY, k)]};
    this.sizes = new int[1];
    this.height = 1;
    this.capacity = totalCapacity();
    this.random = seed;
  }

  /** Restores a sketch from its parts (see {@link #levelItems}); the arrays are copied. */
  static QuantileSketch restore(int k, long count, double variance, long random, double[][] items) {
    if (items.length == 0) {
      throw new IllegalArgumentException("a quantile sketch has at least one level, had none");
    }
    QuantileSketch s = new QuantileSketch(k, random);
    s.levels = new double[items.length][];
    s.sizes = new int[items.length];
    s.height = items.length;
    s.capacity = s.totalCapacity();
    long weight = 0;
    for (int h = 0; h < items.length; h++) {
      s.levels[h] = Arrays.copyOf(items[h], Math.max(items[h].length, s.levelCapacity(h)));
      s.sizes[h] = items[h].length;
      s.retained += items[h].length;
      weight += (long) items[h].length << h;
    }
    if (weight != count) {
      throw new IllegalArgumentException(
          "sketch items weigh " + weight + " in all but the sketch counts " + count + " values");
    }
    s.count = count;
    s.variance = variance;
    return s;
  }

  QuantileSketch copy() {
    QuantileSketch s = new QuantileSketch(k, random);
    s.levels = new double[height][];
    for (int h = 0; h < height; h++) {
      s.levels[h] = levels[h].clone();
    }
    s.sizes = sizes.clone();
    s.height = height;
    s.capacities = capacities;
    s.retained = retained;
    s.capacity = capacity;
    s.count = count;
    s.variance = variance;
    return s;
  }

  int k() {
    return k;
  }

  long count() {
    return count;
  }

  double variance() {
    return variance;
  }

  long random() {
    return random;
  }

  /** Adds one finite value. */
  void add(double x) {
    if (sizes[0] == levels[0].length) {
      levels[0] = Arrays.copyOf(levels[0], levels[0].length * 2);
    }
    levels[0][sizes[0]++] = x;
    retained++;
    count++;
    if (retained >= capacity) {
      compress();
    }
  }

  /** Adds finite values {@code values[from..to)}; the same state as adding them one by one. */
  void addAll(double[] values, int from, int to) {
    int i = from;
    while (i < to) {
      int space = Math.min(capacity - retained, to - i);
      if (sizes[0] + space > levels[0].length) {
        levels[0] = Arrays.copyOf(levels[0], Math.max(levels[0].length * 2, sizes[0] + space));
      }
      System.arraycopy(values, i, levels[0], sizes[0], space);
      sizes[0] += space;
      retained += space;
      count += space;
      i += space;
      if (retained >= capacity) {
        compress();
      }
    }
  }

  /** Adds every item of {@code other} (whose k must equal this one's) and compacts. */
  void merge(QuantileSketch other) {
    if (other.k != k) {
      throw new IllegalArgumentException(
          "cannot merge quantile sketches of accuracy k = " + k + " and k = " + other.k);
    }
    while (height < other.height) {
      addLevel();
    }
    for (int h = 0; h < other.height; h++) {
      int n = sizes[h] + other.sizes[h];
      if (n > levels[h].length) {
        levels[h] = Arrays.copyOf(levels[h], n);
      }
      System.arraycopy(other.levels[h], 0, levels[h], sizes[h], other.sizes[h]);
      sizes[h] = n;
      retained += other.sizes[h];
    }
    // sorted levels make the merged state independent of which sketch came first
    for (int h = 0; h < height; h++) {
      Arrays.sort(levels[h], 0, sizes[h]);
    }
    count += other.count;
    variance += other.variance;
    random = mix(random + other.random);
    capacity = totalCapacity();
    if (retained >= capacity) {
      compress();
    }
  }

  /** Returns the items of each level, level 0 first. */
  double[][] levelItems() {
    double[][] out = new double[height][];
    for (int h = 0; h < height; h++) {
      out[h] = Arrays.copyOf(levels[h], sizes[h]);
    }
    return out;
  }

  /**
   * Returns the bound on the CDF error as a share of the count, holding at every x with
   * probability {@code 1 - delta}: √(2V ln(4n/δ))/n, V the summed squared compaction weights.
   */
  double rankError(double delta) {
    if (variance == 0 || count == 0) {
      return 0;
    }
    return Math.min(1, Math.sqrt(2 * variance * Math.log(4.0 * count / delta)) / count);
  }

  /** Returns the retained items sorted with their cumulative weights (a read-only view). */
  SortedView sortedView() {
    double[] values = new double[retained];
    int[] start = new int[height + 1];
    int j = 0;
    for (int h = 0; h < height; h++) {
      start[h] = j;
      System.arraycopy(levels[h], 0, values, j, sizes[h]);
      Arrays.sort(values, j, j + sizes[h]);
      j += sizes[h];
    }
    start[height] = j;
    // merge of the sorted levels: few levels (about log2(n/k)), so a scan per item is cheap
    double[] mergedValues = new double[retained];
    long[] mergedWeights = new long[retained];
    int[] cursor = new int[height];
    for (int h = 0; h < height; h++) {
      cursor[h] = start[h];
    }
    for (int out = 0; out < retained; out++) {
      int best = -1;
      for (int h = 0; h < height; h++) {
        if (cursor[h] < start[h + 1] && (best < 0 || values[cursor[h]] < values[cursor[best]])) {
          best = h;
        }
      }
      mergedValues[out] = values[cursor[best]++];
      mergedWeights[out] = 1L << best;
    }
    for (int i = 1; i < retained; i++) {
      mergedWeights[i] += mergedWeights[i - 1];
    }
    return new SortedView(mergedValues, mergedWeights);
  }

  private void compress() {
    while (retained >= capacity) {
      int h = 0;
      while (sizes[h] < levelCapacity(h)) {
        h++;
      }
      compact(h);
    }
  }

  private void compact(int h) {
    if (h == height - 1) {
      addLevel();
    }
    double[] items = levels[h];
    int size = sizes[h];
    Arrays.sort(items, 0, size);
    int even = size & ~1;
    int offset = (int) (nextRandom() & 1);
    int up = sizes[h + 1];
    int moved = even / 2;
    if (up + moved > levels[h + 1].length) {
      levels[h + 1] = Arrays.copyOf(levels[h + 1], Math.max(2 * levels[h + 1].length, up + moved));
    }
    double[] upper = levels[h + 1];
    for (int i = offset; i < even; i += 2) {
      upper[up++] = items[i];
    }
    sizes[h + 1] = up;
    if (size != even) {
      items[0] = items[size - 1];
    }
    sizes[h] = size - even;
    retained -= moved;
    variance += Math.scalb(1.0, 2 * h);
  }

  private void addLevel() {
    levels = Arrays.copyOf(levels, height + 1);
    sizes = Arrays.copyOf(sizes, height + 1);
    levels[height] = new double[MIN_LEVEL_CAPACITY];
    height++;
    capacity = totalCapacity();
  }

  private int levelCapacity(int h) {
    return capacities[h];
  }

  /** Recomputes the level capacities for the current height and returns their sum. */
  private int totalCapacity() {
    capacities = new int[height];
    int total = 0;
    for (int h = 0; h < height; h++) {
      int depth = height - 1 - h;
      capacities[h] =
          Math.max(MIN_LEVEL_CAPACITY, (int) Math.ceil(k * Math.pow(CAPACITY_DECAY, depth)));
      total += capacities[h];
    }
    return total;
  }

  private long nextRandom() {
    random += 0x9E3779B97F4A7C15L;
    return mix(random);
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Retained items in ascending order with cumulative weights; immutable once built. */
  static final class SortedView {
    private final double[] values;
    private final long[] cumulative;

    SortedView(double[] values, long[] cumulative) {
      this.values = values;
      this.cumulative = cumulative;
    }

    /** Estimated number of values {@code <= x}. */
    long rank(double x) {
      int lo = 0;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == 0 ? 0 : cumulative[lo - 1];
    }

    /** The value at 0-based rank r of the expanded sorted sample (each item repeated by weight). */
    double valueAtRank(long r) {
      int lo = 0;
      int hi = values.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > r) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return values[lo];
    }

    /** The distinct values, ascending. */
    double[] distinctValues() {
      return Arrays.stream(values).distinct().toArray();
    }

    boolean isEmpty() {
      return values.length == 0;
    }
  }
}
