package dev.mlops.profile;

import dev.mlops.data.FeatureType;

/**
 * The summary of one column: either a {@link NumericProfile} (numeric, integer and timestamp
 * columns) or a {@link CategoricalProfile} (categorical, boolean and text columns).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ColumnProfile {

  /** Returns the column name. */
  String name();

  /** Returns the column's feature type. */
  FeatureType type();

  /** Returns the number of values seen, missing ones included. */
  long count();

  /** Returns the number of missing values (NaN or {@code null}). */
  long missingCount();

  /** Returns the number of present values, {@code count() - missingCount()}. */
  default long presentCount() {
    return count() - missingCount();
  }
}
