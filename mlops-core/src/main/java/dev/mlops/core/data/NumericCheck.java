package dev.mlops.core.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.List;

/**
 * Checks a NUMERIC or INTEGER feature: range, NaN, infinity and whole numbers. A column stored as
 * numbers is checked in one tight loop over its doubles; a column of another type (text read
 * from a file, say) is converted value by value, and each value that is not a number is a
 * {@link ViolationKind#WRONG_TYPE} violation at its row.
 *
 * <p>In a {@link NumericColumn} a missing value and NaN are the same value. When the range
 * disallows NaN, every such cell is reported as {@link ViolationKind#NAN_NOT_ALLOWED} and the
 * presence rule does not report it again.
 */
final class NumericCheck extends FeatureCheck {
  private final boolean hasRange;
  private final double lo;
  private final double hi;
  private final boolean minInclusive;
  private final boolean maxInclusive;
  private final boolean nanAllowed;
  private final boolean infinityAllowed;
  private final boolean integer;
  private final String rangeText;

  NumericCheck(FeatureSpec spec, DatasetSpec dataset, int maxExamples) {
    super(spec, dataset, maxExamples);
    NumericRange r = spec.range().orElse(null);
    hasRange = r != null;
    lo = hasRange ? r.min() : Double.NEGATIVE_INFINITY;
    hi = hasRange ? r.max() : Double.POSITIVE_INFINITY;
    minInclusive = !hasRange || r.minInclusive();
    maxInclusive = !hasRange || r.maxInclusive();
    nanAllowed = !hasRange || r.nanAllowed();
    infinityAllowed = !hasRange || r.infinityAllowed();
    integer = spec.type() == FeatureType.INTEGER;
    rangeText = (minInclusive ? "in [" : "in (") + Values.format(lo) + ", " + Values.format(hi)
        + (maxInclusive ? "]" : ")");
  }

  private boolean inBounds(double v) {
    return (minInclusive ? v >= lo : v > lo) && (maxInclusive ? v <= hi : v < hi);
  }

  @Override
  long checkValues(Column column, List<Violation> out) {
    NumericColumn num;
    boolean[] wrongRows = null;
    if (column instanceof NumericColumn nc) {
      num = nc;
    } else {
      wrongRows = new boolean[column.size()];
      num = parse(column, wrongRows, out);
    }
    int n = num.size();
    boolean checkInteger = integer && num.type() != FeatureType.INTEGER;
    long missing = 0;
    Finding nan = null;
    Finding infinite = null;
    Finding range = null;
    Finding notWhole = null;
    for (int r = 0; r < n; r++) {
      double v = num.value(r);
      if (v != v) {
        if (wrongRows != null && wrongRows[r]) {
          continue;
        }
        missing++;
        if (!nanAllowed) {
          nan = nan == null
              ? finding(ViolationKind.NAN_NOT_ALLOWED, "no NaN or missing values") : nan;
          nan.add(r, "NaN");
        }
        continue;
      }
      if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
        if (!infinityAllowed) {
          infinite = infinite == null
              ? finding(ViolationKind.INFINITY_NOT_ALLOWED, "finite values") : infinite;
          infinite.addNumber(r, v);
          continue;
        }
      } else if (checkInteger && v != Math.rint(v)) {
        notWhole = notWhole == null ? finding(ViolationKind.WRONG_TYPE, "whole numbers") : notWhole;
        notWhole.addNumber(r, v);
      }
      if (hasRange && !inBounds(v)) {
        range = range == null ? finding(ViolationKind.OUT_OF_RANGE, rangeText) : range;
        range.addNumber(r, v);
      }
    }
    if (notWhole != null) {
      out.add(notWhole.toViolation(notWhole.count() + " values with a fraction"));
    }
    if (nan != null) {
      out.add(nan.toViolation(nan.count() + " of " + n + " values are NaN or missing"));
    }
    if (infinite != null) {
      out.add(infinite.toViolation(infinite.count() + " of " + n + " values are infinite"));
    }
    if (range != null) {
      out.add(range.toViolation(
          range.count() + " of " + n + " values out of range; " + range.numericSpan()));
    }
    return nanAllowed ? missing : -1;
  }

  /**
   * Converts a non-numeric column by parsing each distinct text once; unparseable values are
   * reported as WRONG_TYPE and marked in {@code wrongRows}.
   */
  private NumericColumn parse(Column column, boolean[] wrongRows, List<Violation> out) {
    CategoricalColumn cat = Values.asCategorical(column);
    List<String> categories = cat.categories();
    double[] parsed = new double[categories.size()];
    boolean[] bad = new boolean[categories.size()];
    for (int c = 0; c < parsed.length; c++) {
      try {
        parsed[c] = Double.parseDouble(categories.get(c).strip());
      } catch (NumberFormatException e) {
        bad[c] = true;
        parsed[c] = Double.NaN;
      }
    }
    double[] values = new double[cat.size()];
    Finding wrong = null;
    for (int r = 0; r < values.length; r++) {
      int c = cat.code(r);
      if (c < 0) {
        values[r] = Double.NaN;
      } else {
        values[r] = parsed[c];
        if (bad[c]) {
          wrongRows[r] = true;
          wrong = wrong == null ? finding(ViolationKind.WRONG_TYPE, "a number") : wrong;
          wrong.add(r, categories.get(c));
        }
      }
    }
    if (wrong != null) {
      out.add(wrong.toViolation(wrong.count() + " values are not numbers (column holds "
          + column.type() + ")"));
    }
    return NumericColumn.of(column.name(), values);
  }

  @Override
  RecordFindings checkValue(Object value, RecordFindings out) {
    double v;
    if (value == null) {
      return missingValue(out);
    } else if (value instanceof Number number) {
      v = number.doubleValue();
    } else if (value instanceof String s) {
      try {
        v = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return RecordFindings.add(out, name, ViolationKind.WRONG_TYPE, value, "a number",
            "text '" + s + "'");
      }
    } else {
      return RecordFindings.add(out, name, ViolationKind.WRONG_TYPE, value, "a number",
          value.getClass().getSimpleName() + " " + value);
    }
    if (v != v) {
      return nanAllowed
          ? missingValue(out)
          : RecordFindings.add(out, name, ViolationKind.NAN_NOT_ALLOWED, "NaN", "no NaN", "NaN");
    }
    if (Double.isInfinite(v) && !infinityAllowed) {
      return RecordFindings.add(out, name, ViolationKind.INFINITY_NOT_ALLOWED, Values.format(v),
          "finite values", Values.format(v));
    }
    if (integer && !Double.isInfinite(v) && v != Math.rint(v)) {
      out = RecordFindings.add(out, name, ViolationKind.WRONG_TYPE, Values.format(v),
          "a whole number", Values.format(v));
    }
    if (hasRange && !inBounds(v)) {
      out = RecordFindings.add(out, name, ViolationKind.OUT_OF_RANGE, Values.format(v),
          rangeText, Values.format(v));
    }
    return checksLabelClasses() ? checkLabelValue(Values.format(v), out) : out;
  }
}
