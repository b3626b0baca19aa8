package dev.mlops.core.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The precompiled checks of one feature: built once per validator from the {@link FeatureSpec},
 * then applied to whole columns and to single values. Subclasses handle the type-specific rules
 * (range, domain, length, type conversion); this class handles presence, uniqueness and label
 * classes. Immutable and thread-safe.
 */
abstract class FeatureCheck {
  final FeatureSpec spec;
  final String name;
  final int maxExamples;
  private final Set<String> labelClasses;

  FeatureCheck(FeatureSpec spec, DatasetSpec dataset, int maxExamples) {
    this.spec = spec;
    this.name = spec.name();
    this.maxExamples = maxExamples;
    boolean isLabel = dataset.labelColumn().map(name::equals).orElse(false);
    this.labelClasses =
        isLabel && !dataset.labelClasses().isEmpty() ? Set.copyOf(dataset.labelClasses()) : null;
  }

  /** Builds the check for a feature according to its type. */
  static FeatureCheck of(FeatureSpec spec, DatasetSpec dataset, int maxExamples) {
    return switch (spec.type()) {
      case NUMERIC, INTEGER -> new NumericCheck(spec, dataset, maxExamples);
      case CATEGORICAL, TEXT -> new StringCheck(spec, dataset, maxExamples);
      case BOOLEAN, TIMESTAMP -> new ParsedCheck(spec, dataset, maxExamples);
    };
  }

  /** Returns whether this feature is the label column and the spec lists its classes. */
  boolean checksLabelClasses() {
    return labelClasses != null;
  }

  /**
   * Checks the type-specific rules of a whole column.
   *
   * @return the number of missing values, or -1 when the missing values were already reported
   *     (e.g. as disallowed NaN) and the presence rule must not report them again
   */
  abstract long checkValues(Column column, List<Violation> out);

  /**
   * Checks one value of a record; {@code value} is {@code null} when missing.
   *
   * @param out the record's findings so far, {@code null} while it is valid
   * @return the findings with this value's violations added ({@code null} if still valid)
   */
  abstract RecordFindings checkValue(Object value, RecordFindings out);

  /** Checks every rule of this feature on its column, appending violations in a stable order. */
  final void checkColumn(Column column, List<Violation> out) {
    long missing = checkValues(column, out);
    if (missing >= 0) {
      checkPresence(column, missing, out);
    }
    if (spec.unique()) {
      checkUnique(column, out);
    }
    if (labelClasses != null) {
      checkLabels(column, out);
    }
  }

  Finding finding(ViolationKind kind, String expected) {
    return new Finding(name, kind, expected, maxExamples);
  }

  /** Reports a missing value of a record when the feature is required. */
  final RecordFindings missingValue(RecordFindings out) {
    if (spec.required()) {
      return RecordFindings.add(out, name, ViolationKind.MISSING_VALUES, null,
          "a value (required)", "missing");
    }
    return out;
  }

  /** Reports a record's label outside the classes. */
  final RecordFindings checkLabelValue(String text, RecordFindings out) {
    if (labelClasses != null && text != null && !labelClasses.contains(text)) {
      return RecordFindings.add(out, name, ViolationKind.UNKNOWN_LABEL, text,
          "one of " + labelClasses, "'" + text + "'");
    }
    return out;
  }

  private void checkPresence(Column column, long missing, List<Violation> out) {
    int n = column.size();
    long present = n - missing;
    long needed = (long) Math.ceil(spec.minPresence() * n - 1e-9);
    if (present >= needed || missing == 0) {
      return;
    }
    Finding f = finding(ViolationKind.MISSING_VALUES,
        spec.required()
            ? "a value in every row (required)"
            : "a value in at least " + needed + " of " + n + " rows (minPresence "
                + spec.minPresence() + ")");
    for (int r = 0; r < n; r++) {
      if (column.isMissing(r)) {
        f.add(r, null);
      }
    }
    String actual = present == 0
        ? "all " + n + " values missing"
        : "present in " + present + " of " + n + " rows, " + missing + " missing";
    out.add(f.toViolation(actual));
  }

  private void checkUnique(Column column, List<Violation> out) {
    int n = column.size();
    Finding f = null;
    if (column instanceof NumericColumn num) {
      Set<Long> seen = new HashSet<>();
      for (int r = 0; r < n; r++) {
        double v = num.value(r);
        if (!Double.isNaN(v) && !seen.add(Double.doubleToLongBits(v == 0.0 ? 0.0 : v))) {
          f = f == null ? uniqueFinding() : f;
          f.add(r, Values.format(v));
        }
      }
    } else {
      CategoricalColumn cat = Values.asCategorical(column);
      boolean[] seen = new boolean[cat.categories().size()];
      for (int r = 0; r < n; r++) {
        int c = cat.code(r);
        if (c >= 0) {
          if (seen[c]) {
            f = f == null ? uniqueFinding() : f;
            f.add(r, cat.categories().get(c));
          }
          seen[c] = true;
        }
      }
    }
    if (f != null) {
      out.add(f.toViolation(f.count() + " of " + n + " values repeat an earlier row's value"));
    }
  }

  private Finding uniqueFinding() {
    return finding(ViolationKind.DUPLICATE_VALUE, "unique values");
  }

  private void checkLabels(Column column, List<Violation> out) {
    CategoricalColumn cat = Values.asCategorical(column);
    List<String> categories = cat.categories();
    boolean[] unknown = new boolean[categories.size()];
    boolean any = false;
    for (int c = 0; c < unknown.length; c++) {
      unknown[c] = !labelClasses.contains(categories.get(c));
      any |= unknown[c];
    }
    if (!any) {
      return;
    }
    Finding f = finding(ViolationKind.UNKNOWN_LABEL,
        "one of the label classes " + labelClasses.stream().sorted().toList());
    for (int r = 0; r < cat.size(); r++) {
      int c = cat.code(r);
      if (c >= 0 && unknown[c]) {
        f.add(r, categories.get(c));
      }
    }
    out.add(f.toViolation(f.count() + " rows with a label outside the classes"));
  }
}
