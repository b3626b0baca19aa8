package dev.mlops.core.data;

import dev.mlops.data.FeatureType;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches the text values of one column and decides its {@link FeatureType}, TFDV-style: the
 * narrowest type every present value fits, in the order INTEGER, NUMERIC, BOOLEAN, TIMESTAMP;
 * otherwise CATEGORICAL when the number of distinct values is small, else TEXT. A column with no
 * present value is CATEGORICAL. Memory is bounded by the distinct-value cut-off. Not thread-safe.
 */
final class TypeSniffer {
  private final int maxCategories;
  private boolean integer = true;
  private boolean number = true;
  private boolean bool = true;
  private boolean timestamp = true;
  private long present;
  private final Set<String> distinct = new HashSet<>();
  private boolean tooManyDistinct;

  TypeSniffer(int maxCategories) {
    this.maxCategories = maxCategories;
  }

  /** Observes one present value (missing cells are not passed). */
  void observe(String value) {
    present++;
    String trimmed = value.strip();
    if (integer && !CellSyntax.isInteger(trimmed)) {
      integer = false;
    }
    if (number && !integer && !CellSyntax.isNumber(trimmed)) {
      number = false;
    }
    if (bool && CellSyntax.parseBoolean(trimmed) == null) {
      bool = false;
    }
    if (timestamp && !number && CellSyntax.parseTimestamp(trimmed) == null) {
      timestamp = false;
    }
    if (!tooManyDistinct && !number) {
      distinct.add(value);
      if (distinct.size() > maxCategories) {
        tooManyDistinct = true;
        distinct.clear();
      }
    }
  }

  /** Returns the inferred type. */
  FeatureType type() {
    if (present == 0) {
      return FeatureType.CATEGORICAL;
    }
    if (integer) {
      return FeatureType.INTEGER;
    }
    if (number) {
      return FeatureType.NUMERIC;
    }
    if (bool) {
      return FeatureType.BOOLEAN;
    }
    if (timestamp) {
      return FeatureType.TIMESTAMP;
    }
    return tooManyDistinct ? FeatureType.TEXT : FeatureType.CATEGORICAL;
  }
}
