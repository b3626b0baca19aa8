package dev.mlops.core.drift;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The present values of one side of a column, missing values removed, with its missing count.
 * Numeric values are sorted; categorical values are counted by label.
 */
final class ColumnSample {
  final int size;
  final int missing;
  /** Sorted finite and infinite present values; null for categorical data. */
  final double[] sorted;
  /** Counts per label in order of first appearance; null for numeric data. */
  final Map<String, Long> counts;
  final int infinite;

  private ColumnSample(int size, int missing, double[] sorted, Map<String, Long> counts, int infinite) {
    this.size = size;
    this.missing = missing;
    this.sorted = sorted;
    this.counts = counts;
    this.infinite = infinite;
  }

  static ColumnSample numeric(NumericColumn c) {
    // without missing values the plain copy gives the same array, and is a memory copy
    double[] values = c.missingCount() == 0 ? c.toArray() : c.presentValues();
    DoubleSorter.sort(values);
    return new ColumnSample(c.size(), c.missingCount(), values, null, infiniteCount(values));
  }

  /**
   * Counts ±Inf in sorted values without NaN: −Inf can only lead and +Inf only trail, so this
   * reads the infinite values and one more on each side instead of the whole sample.
   */
  static int infiniteCount(double[] sorted) {
    int low = 0;
    while (low < sorted.length && sorted[low] == Double.NEGATIVE_INFINITY) {
      low++;
    }
    int high = sorted.length;
    while (high > low && sorted[high - 1] == Double.POSITIVE_INFINITY) {
      high--;
    }
    return low + (sorted.length - high);
  }

  static ColumnSample categorical(Column c) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (c instanceof CategoricalColumn cat) {
      long[] byCode = cat.categoryCounts();
      for (int code = 0; code < byCode.length; code++) {
        if (byCode[code] > 0) {
          counts.put(cat.categories().get(code), byCode[code]);
        }
      }
    } else if (c instanceof BooleanColumn b) {
      for (int row = 0; row < b.size(); row++) {
        if (!b.isMissing(row)) {
          counts.merge(Boolean.toString(b.value(row)), 1L, Long::sum);
        }
      }
    } else {
      throw new IllegalArgumentException("column '" + c.name() + "' is not categorical");
    }
    return new ColumnSample(c.size(), c.missingCount(), null, counts, 0);
  }

  int present() {
    return size - missing;
  }

  double missingRate() {
    return size == 0 ? 0.0 : (double) missing / size;
  }

  /** Counts of present values as categories: labels for numbers are their shortest decimal. */
  Map<String, Long> categoryCounts() {
    if (counts != null) {
      return counts;
    }
    Map<String, Long> out = new LinkedHashMap<>();
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      out.put(label(sorted[i]), (long) (j - i));
      i = j;
    }
    return out;
  }

  static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
