package dev.mlops.core.data;

import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A violation being collected during one validation: counts every offending row and keeps the
 * first few as examples. Created only when a first offending row is seen, so valid data
 * allocates none. Not thread-safe; confined to one validation call.
 */
final class Finding {
  private final String feature;
  private final ViolationKind kind;
  private final String expected;
  private final int maxExamples;
  private final List<Long> rows = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  Finding(String feature, ViolationKind kind, String expected, int maxExamples) {
    this.feature = feature;
    this.kind = kind;
    this.expected = expected;
    this.maxExamples = maxExamples;
  }

  /** Records one offending row and its value as text. */
  void add(long row, String value) {
    count++;
    if (rows.size() < maxExamples) {
      rows.add(row);
      values.add(value == null ? Values.MISSING : value);
    }
  }

  /** Records one offending numeric value, tracking the offending minimum and maximum. */
  void addNumber(long row, double value) {
    count++;
    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
    if (rows.size() < maxExamples) {
      rows.add(row);
      values.add(Values.format(value));
    }
  }

  long count() {
    return count;
  }

  /** Returns "min a, max b" of the offending numbers. */
  String numericSpan() {
    return "offending values span [" + Values.format(min) + ", " + Values.format(max) + "]";
  }

  Violation toViolation(String actual) {
    return new Violation(feature, kind, count, rows, values, expected, actual);
  }
}
