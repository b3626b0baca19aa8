package dev.mlops.profile;

import java.util.List;

/**
 * The profile of a categorical, boolean or text column: exact counts, the most frequent values
 * with their counts (a Misra–Gries summary), the count of the other values and an approximate
 * distinct count (HyperLogLog). While the column holds no more distinct values than the
 * summary's capacity every count is exact.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CategoricalProfile extends ColumnProfile {

  /**
   * Returns the tracked values with their counts, most frequent first (ties by value). A count
   * undercounts the true one by at most {@link #maxCountError()}.
   */
  List<ItemCount> frequentItems();

  /**
   * Returns the number of present values not in {@link #frequentItems()}: the item counts plus
   * this equal {@link #presentCount()} exactly.
   */
  long otherCount();

  /** Returns the most any item count may undercount the true count; 0 when all counts are exact. */
  long maxCountError();

  /** Returns whether every present value is in {@link #frequentItems()} with its exact count. */
  default boolean exact() {
    return maxCountError() == 0 && otherCount() == 0;
  }

  /**
   * Returns the number of distinct present values: exact when {@link #exact()}, otherwise a
   * HyperLogLog estimate with the relative standard error {@link #distinctRelativeError()}.
   */
  double distinctCount();

  /** Returns the relative standard error of {@link #distinctCount()}; 0 when it is exact. */
  double distinctRelativeError();
}
