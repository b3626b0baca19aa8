package dev.mlops.core.profile;

import dev.mlops.data.FeatureType;
import dev.mlops.profile.NumericProfile;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * The accumulator behind a {@link NumericProfile}: exact counts, minimum and maximum; mean and
 * sum of squared deviations by Welford's update per value and Chan, Golub and LeVeque's pairwise
 * formula per merge (in a form symmetric in its two inputs, so a merge gives the same bits
 * whichever side comes first); a {@link QuantileSketch} of the finite values; exact counts of
 * the first few distinct values. −0.0 is counted as 0.0.
 *
 * <p>Not thread-safe while it accumulates; a {@link Profile} holds only {@linkplain #frozen()
 * frozen} copies, which are never changed again and so are safe to share.
 */
final class NumericSummary implements NumericProfile {
  /** Share of the time the rank-error bound may fail: its confidence is 1 − {@value}. */
  static final double RANK_ERROR_DELTA = 0.005;

  private final String name;
  private FeatureType type;
  private final int smallDomainLimit;
  private long count;
  private long missing;
  private long infinite;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double mean;
  private double m2;
  private final QuantileSketch sketch;
  private double[] domainValues;
  private long[] domainCounts;
  private int domainSize;
  private QuantileSketch.SortedView view;

  NumericSummary(String name, FeatureType type, ProfileConfig config) {
    this(name, type, config.smallDomain(), new QuantileSketch(config.quantileAccuracy(), config.seed()));
  }

  private NumericSummary(String name, FeatureType type, int smallDomainLimit, QuantileSketch sketch) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.smallDomainLimit = smallDomainLimit;
    this.sketch = sketch;
    this.domainValues = new double[smallDomainLimit];
    this.domainCounts = new long[smallDomainLimit];
  }

  /** The state a file holds, checked for consistency. */
  static NumericSummary restore(String name, FeatureType type, int smallDomainLimit, long count,
      long missing, long infinite, double min, double max, double mean, double m2,
      QuantileSketch sketch, Map<Double, Long> domain) {
    NumericSummary s = new NumericSummary(name, type, smallDomainLimit, sketch);
    s.count = count;
    s.missing = missing;
    s.infinite = infinite;
    if (count < 0 || missing < 0 || infinite < 0 || missing + infinite > count) {
      throw new IllegalArgumentException("column '" + name + "': counts are inconsistent: count "
          + count + ", missing " + missing + ", infinite " + infinite);
    }
    if (sketch.count() != count - missing - infinite) {
      throw new IllegalArgumentException("column '" + name + "': the sketch holds "
          + sketch.count() + " values but the counts leave " + (count - missing - infinite));
    }
    if (sketch.count() > 0) {
      s.min = min;
      s.max = max;
      s.mean = mean;
      s.m2 = m2;
    }
    if (domain == null) {
      s.domainSize = -1;
    } else {
      if (domain.size() > smallDomainLimit) {
        throw new IllegalArgumentException("column '" + name + "': small domain holds "
            + domain.size() + " values, its limit is " + smallDomainLimit);
      }
      long sum = 0;
      for (Map.Entry<Double, Long> e : domain.entrySet()) {
        s.domainValues[s.domainSize] = e.getKey();
        s.domainCounts[s.domainSize++] = e.getValue();
        sum += e.getValue();
      }
      if (sum != sketch.count()) {
        throw new IllegalArgumentException("column '" + name + "': small-domain counts sum to "
            + sum + " but the column has " + sketch.count() + " finite values");
      }
    }
    return s;
  }

  /** Returns a copy that is never changed again, its sorted sketch view computed. */
  NumericSummary frozen() {
    NumericSummary s = new NumericSummary(name, type, smallDomainLimit, sketch.copy());
    s.count = count;
    s.missing = missing;
    s.infinite = infinite;
    s.min = min;
    s.max = max;
    s.mean = mean;
    s.m2 = m2;
    s.domainValues = domainValues.clone();
    s.domainCounts = domainCounts.clone();
    s.domainSize = domainSize;
    s.view = s.sketch.sortedView();
    return s;
  }

  /** Changes the type of this accumulating copy (a merge widens INTEGER to NUMERIC). */
  NumericSummary withType(FeatureType newType) {
    this.type = Objects.requireNonNull(newType, "type");
    return this;
  }

  /** Returns an accumulating copy. */
  NumericSummary mutableCopy() {
    NumericSummary s = frozen();
    s.view = null;
    return s;
  }

  QuantileSketch sketch() {
    return sketch;
  }

  int smallDomainLimit() {
    return smallDomainLimit;
  }

  /** Sum of squared deviations from the mean of the finite values. */
  double m2() {
    return m2;
  }

  void add(double x) {
    count++;
    if (Double.isNaN(x)) {
      missing++;
      return;
    }
    if (Double.isInfinite(x)) {
      infinite++;
      return;
    }
    double v = x + 0.0;
    long n = sketch.count() + 1;
    double delta = v - mean;
    // delta overflows for values near ±Double.MAX_VALUE; v/n − mean/n does not
    mean += Double.isInfinite(delta) ? v / n - mean / n : delta / n;
    m2 += delta * (v - mean);
    min = Math.min(min, v);
    max = Math.max(max, v);
    countInDomain(v, 1);
    sketch.add(v);
    view = null;
  }

  /** Values per chunk of {@link #addAll}: small enough to stay in the L1 cache. */
  private static final int CHUNK = 1024;

  /**
   * Adds values {@code values.at(0 .. size)}; counts, extremes, small domain and sketch equal
   * adding them one by one, the moments are those of per-chunk two-pass sums combined by Chan's
   * formula (more accurate than Welford's update, and as fast as the data can be read).
   */
  void addAll(IntToDoubleFunction values, int size) {
    double[] chunk = new double[Math.min(CHUNK, size)];
    for (int start = 0; start < size; start += CHUNK) {
      int end = Math.min(size, start + CHUNK);
      int n = 0;
      double sum = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int row = start; row < end; row++) {
        double x = values.applyAsDouble(row);
        if (Double.isNaN(x)) {
          missing++;
        } else if (Double.isInfinite(x)) {
          infinite++;
        } else {
          double v = x + 0.0;
          chunk[n++] = v;
          sum += v;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      count += end - start;
      if (n == 0) {
        continue;
      }
      double chunkMean = sum / n;
      if (Double.isInfinite(chunkMean)) {
        // the sum overflowed (values near ±Double.MAX_VALUE): add the values divided by n
        chunkMean = 0;
        for (int i = 0; i < n; i++) {
          chunkMean += chunk[i] / n;
        }
      }
      double chunkM2 = 0;
      for (int i = 0; i < n; i++) {
        double d = chunk[i] - chunkMean;
        chunkM2 += d * d;
      }
      combineMoments(n, chunkMean, chunkM2);
      min = Math.min(min, lo);
      max = Math.max(max, hi);
      for (int i = 0; i < n && domainSize >= 0; i++) {
        countInDomain(chunk[i], 1);
      }
      sketch.addAll(chunk, 0, n);
    }
    view = null;
  }

  void merge(NumericSummary other) {
    if (other.smallDomainLimit != smallDomainLimit) {
      throw new IllegalArgumentException("column '" + name + "': cannot merge small domains of "
          + smallDomainLimit + " and " + other.smallDomainLimit + " values");
    }
    long otherFinite = other.sketch.count();
    if (otherFinite > 0) {
      combineMoments(otherFinite, other.mean, other.m2);
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }
    if (other.domainSize < 0) {
      domainSize = -1;
    }
    for (int i = 0; i < other.domainSize && domainSize >= 0; i++) {
      countInDomain(other.domainValues[i], other.domainCounts[i]);
    }
    count += other.count;
    missing += other.missing;
    infinite += other.infinite;
    sketch.merge(other.sketch);
    view = null;
  }

  /** Chan et al.'s update, written symmetrically: same bits whichever side is "this". */
  private void combineMoments(long nb, double meanB, double m2B) {
    long na = sketch.count();
    if (na == 0) {
      mean = meanB;
      m2 = m2B;
      return;
    }
    double n = (double) na + nb;
    double delta = meanB - mean;
    // weights first, so that means near ±Double.MAX_VALUE do not overflow; a variance beyond
    // the double range is +Infinity, as the exact one would be
    double newMean = na / n * mean + nb / n * meanB;
    m2 = (m2 + m2B) + delta * delta * ((double) na * nb / n);
    mean = newMean;
  }

  private void countInDomain(double v, long times) {
    if (domainSize < 0) {
      return;
    }
    for (int i = 0; i < domainSize; i++) {
      if (domainValues[i] == v) {
        domainCounts[i] += times;
        return;
      }
    }
    if (domainSize == smallDomainLimit) {
      domainSize = -1;
      return;
    }
    domainValues[domainSize] = v;
    domainCounts[domainSize++] = times;
  }

  private QuantileSketch.SortedView view() {
    if (view == null) {
      view = sketch.sortedView();
    }
    return view;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return type;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long missingCount() {
    return missing;
  }

  @Override
  public long infiniteCount() {
    return infinite;
  }

  @Override
  public double min() {
    return sketch.count() == 0 ? Double.NaN : min;
  }

  @Override
  public double max() {
    return sketch.count() == 0 ? Double.NaN : max;
  }

  @Override
  public double mean() {
    return sketch.count() == 0 ? Double.NaN : mean;
  }

  @Override
  public double variance() {
    return sketch.count() == 0 ? Double.NaN : m2 / sketch.count();
  }

  @Override
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], was " + q);
    }
    long n = sketch.count();
    if (n == 0) {
      return Double.NaN;
    }
    // numpy's linear interpolation between the neighbouring ranks of the expanded sample
    double position = q * (n - 1);
    long lo = (long) Math.floor(position);
    long hi = Math.min(lo + 1, n - 1);
    double a = view().valueAtRank(lo);
    double b = view().valueAtRank(hi);
    double value = a + (position - lo) * (b - a);
    return Math.max(min, Math.min(max, value));
  }

  @Override
  public double cdf(double x) {
    long n = sketch.count();
    return n == 0 ? Double.NaN : (double) view().rank(x) / n;
  }

  @Override
  public double[] stepPoints() {
    return view().distinctValues();
  }

  @Override
  public double rankError() {
    return sketch.rankError(RANK_ERROR_DELTA);
  }

  @Override
  public double rankErrorConfidence() {
    return 1 - RANK_ERROR_DELTA;
  }

  @Override
  public Optional<Map<Double, Long>> smallDomain() {
    if (domainSize < 0) {
      return Optional.empty();
    }
    Integer[] order = new Integer[domainSize];
    for (int i = 0; i < domainSize; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(domainValues[a], domainValues[b]));
    Map<Double, Long> out = new LinkedHashMap<>();
    for (int i : order) {
      out.put(domainValues[i], domainCounts[i]);
    }
    return Optional.of(Collections.unmodifiableMap(out));
  }

  @Override
  public String toString() {
    return "NumericProfile[" + name + ", count " + count + ", missing " + missing + "]";
  }
}
