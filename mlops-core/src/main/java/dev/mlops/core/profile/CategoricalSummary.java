package dev.mlops.core.profile;

import dev.mlops.data.FeatureType;
import dev.mlops.profile.CategoricalProfile;
import dev.mlops.profile.ItemCount;
import java.util.List;
import java.util.Objects;

/**
 * The accumulator behind a {@link CategoricalProfile}: exact counts, a {@link FrequentItems}
 * summary and a {@link HyperLogLog} distinct counter of the present values.
 *
 * <p>Not thread-safe while it accumulates; a {@link Profile} holds only {@linkplain #frozen()
 * frozen} copies, which are never changed again and so are safe to share.
 */
final class CategoricalSummary implements CategoricalProfile {
  private final String name;
  private FeatureType type;
  private long count;
  private long missing;
  private final FrequentItems items;
  private final HyperLogLog distinct;
  private List<ItemCount> sortedItems;

  CategoricalSummary(String name, FeatureType type, ProfileConfig config) {
    this(name, type, new FrequentItems(config.frequentItems()),
        new HyperLogLog(config.distinctPrecision()));
  }

  private CategoricalSummary(String name, FeatureType type, FrequentItems items, HyperLogLog distinct) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.items = items;
    this.distinct = distinct;
  }

  /** The state a file holds, checked for consistency. */
  static CategoricalSummary restore(String name, FeatureType type, long count, long missing,
      FrequentItems items, HyperLogLog distinct) {
    if (count < 0 || missing < 0 || missing > count) {
      throw new IllegalArgumentException("column '" + name + "': counts are inconsistent: count "
          + count + ", missing " + missing);
    }
    if (items.total() > count - missing) {
      throw new IllegalArgumentException("column '" + name + "': item counts sum to "
          + items.total() + ", more than its " + (count - missing) + " present values");
    }
    CategoricalSummary s = new CategoricalSummary(name, type, items, distinct);
    s.count = count;
    s.missing = missing;
    return s;
  }

  /** Returns a copy that is never changed again. */
  CategoricalSummary frozen() {
    CategoricalSummary s = mutableCopy();
    s.sortedItems = s.items.items();
    return s;
  }

  /** Changes the type of this accumulating copy (a merge widens INTEGER to NUMERIC). */
  CategoricalSummary withType(FeatureType newType) {
    this.type = Objects.requireNonNull(newType, "type");
    return this;
  }

  /** Returns an accumulating copy. */
  CategoricalSummary mutableCopy() {
    CategoricalSummary s = new CategoricalSummary(name, type, items.copy(), distinct.copy());
    s.count = count;
    s.missing = missing;
    return s;
  }

  FrequentItems items() {
    return items;
  }

  HyperLogLog distinct() {
    return distinct;
  }

  /** Counts one value; {@code null} is missing. */
  void add(String value) {
    count++;
    if (value == null) {
      missing++;
      return;
    }
    items.add(value);
    distinct.add(value);
    sortedItems = null;
  }

  /** Counts {@code times} occurrences of one present value. */
  void add(String value, long times) {
    count += times;
    items.add(value, times);
    distinct.add(value);
    sortedItems = null;
  }

  /** Counts {@code times} missing values. */
  void addMissing(long times) {
    count += times;
    missing += times;
  }

  void merge(CategoricalSummary other) {
    count += other.count;
    missing += other.missing;
    items.merge(other.items);
    distinct.merge(other.distinct);
    sortedItems = null;
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
  public List<ItemCount> frequentItems() {
    if (sortedItems == null) {
      sortedItems = items.items();
    }
    return sortedItems;
  }

  @Override
  public long otherCount() {
    return presentCount() - items.total();
  }

  @Override
  public long maxCountError() {
    return items.maxError();
  }

  @Override
  public double distinctCount() {
    if (exact()) {
      return items.size();
    }
    return Math.max(items.size(), distinct.estimate());
  }

  @Override
  public double distinctRelativeError() {
    return exact() ? 0 : distinct.relativeError();
  }

  @Override
  public String toString() {
    return "CategoricalProfile[" + name + ", count " + count + ", missing " + missing + "]";
  }
}
