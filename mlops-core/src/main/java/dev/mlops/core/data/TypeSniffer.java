package dev.mlops.core.data;

import dev.mlops.data.FeatureType;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
  private long numeric;
  private boolean integerWithoutOthers = true;
  private final Set<String> notNumeric = new LinkedHashSet<>();

  /** How many offending values a downgrade names: {@value}. */
  static final int MAX_EXAMPLES = 5;

  /**
   * The largest share of present values that may break a numeric column for the downgrade to be
   * reported: {@value} (our choice: a tenth is a few stray tokens, not a string column).
   */
  static final double DOWNGRADE_SHARE = 0.1;

  TypeSniffer(int maxCategories) {
    this.maxCategories = maxCategories;
  }

  /** Observes one present value (missing cells are not passed). */
  void observe(String value) {
    present++;
    String trimmed = value.strip();
    boolean isInteger = CellSyntax.isInteger(trimmed);
    boolean isNumber = isInteger ? CellSyntax.fitsDouble(trimmed) : CellSyntax.isNumber(trimmed);
    if (isNumber) {
      numeric++;
      integerWithoutOthers &= isInteger;
    } else if (notNumeric.size() < MAX_EXAMPLES) {
      notNumeric.add(value);
    }
    if (integer && !(isInteger && isNumber)) {
      integer = false;
    }
    if (number && !isNumber) {
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

  /**
   * The values that made a mostly numeric column a string column, when at most {@link
   * #DOWNGRADE_SHARE} of its present values are not numbers; empty otherwise.
   */
  List<String> downgrade() {
    long offending = present - numeric;
    if (number || numeric == 0 || offending > DOWNGRADE_SHARE * present) {
      return List.of();
    }
    return List.copyOf(notNumeric);
  }

  /** The number of present values observed. */
  long presentCount() {
    return present;
  }

  /** The number of present values that are not numbers. */
  long notNumericCount() {
    return present - numeric;
  }

  /** The type the column would have without its non-numeric values. */
  FeatureType numericType() {
    return integerWithoutOthers ? FeatureType.INTEGER : FeatureType.NUMERIC;
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
