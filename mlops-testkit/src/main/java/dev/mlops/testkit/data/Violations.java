package dev.mlops.testkit.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Breaks one rule of a spec in a conforming dataset. Stateless. */
final class Violations {
  private Violations() {}

  static Dataset apply(
      DatasetSpec spec, Dataset data, Randomness draws, ViolationKind kind, String feature, double rate) {
    int n = data.rowCount();
    if (kind == ViolationKind.UNEXPECTED_FEATURE) {
      if (spec.feature(feature).isPresent()) {
        throw new IllegalArgumentException(
            "UNEXPECTED_FEATURE needs a name the spec does not know; '" + feature + "' is a feature");
      }
      return data.withColumn(NumericColumn.of(feature, new double[n]));
    }
    FeatureSpec f = spec.feature(feature).orElseThrow(() -> new IllegalArgumentException(
        "the spec has no feature '" + feature + "'; it has " + spec.featureNames()));
    if (kind == ViolationKind.MISSING_FEATURE) {
      if (f.minPresence() == 0 || isLabel(spec, f)) {
        throw cannot(kind, f, f.minPresence() == 0
            ? "it is optional (minPresence 0), so leaving it out is allowed"
            : "it is the label column, whose absence is UNKNOWN_LABEL");
      }
      List<String> keep = new ArrayList<>(data.columnNames());
      keep.remove(feature);
      return data.select(keep);
    }
    if (n == 0) {
      throw new IllegalArgumentException(kind + " needs at least one row");
    }
    Column column = data.column(feature);
    List<Object> values = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      values.add(column.isMissing(r) ? null : column.get(r));
    }
    int k = (int) Math.max(1, Math.ceil(rate * n - 1e-9));
    switch (kind) {
      case MISSING_VALUES -> {
        if (f.minPresence() == 0) {
          throw cannot(kind, f, "it is optional (minPresence 0)");
        }
        if (f.range().map(r -> !r.nanAllowed()).orElse(false)) {
          throw cannot(kind, f, "its range disallows NaN, so a missing value is NAN_NOT_ALLOWED");
        }
        long needed = (long) Math.ceil(f.minPresence() * n - 1e-9);
        for (int r : rows(draws, n, (int) Math.max(k, n - needed + 1), all(n))) {
          values.set(r, null);
        }
      }
      case WRONG_TYPE -> {
        return data.withColumn(wrongType(f, values, rows(draws, n, k, present(values))));
      }
      case OUT_OF_RANGE -> {
        double outside = outside(f);
        for (int r : rows(draws, n, k, all(n))) {
          values.set(r, outside);
        }
      }
      case NAN_NOT_ALLOWED -> {
        if (f.range().map(NumericRange::nanAllowed).orElse(true)) {
          throw cannot(kind, f, "it has no range that disallows NaN");
        }
        for (int r : rows(draws, n, k, all(n))) {
          values.set(r, Double.NaN);
        }
        return data.withColumn(NumericColumn.of(f.name(), f.type(),
            values.stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray()));
      }
      case INFINITY_NOT_ALLOWED -> {
        if (f.range().map(NumericRange::infinityAllowed).orElse(true)) {
          throw cannot(kind, f, "it has no range that disallows infinity");
        }
        for (int r : rows(draws, n, k, all(n))) {
          values.set(r, Double.POSITIVE_INFINITY);
        }
      }
      case UNKNOWN_CATEGORY -> {
        if (f.type() != FeatureType.CATEGORICAL || f.domain().isEmpty()) {
          throw cannot(kind, f, "it is not a categorical feature with a domain");
        }
        List<Integer> present = present(values);
        double tolerated = 1 - f.domain().get().minShareInDomain();
        int needed = (int) Math.floor(tolerated * present.size()) + 1;
        if (needed > present.size()) {
          throw cannot(kind, f, "its domain tolerates any share of unknown values");
        }
        String unknown = unknownCategory(f);
        for (int r : rows(draws, n, Math.max(k, needed), present)) {
          values.set(r, unknown);
        }
      }
      case LENGTH_OUT_OF_RANGE -> {
        LengthBounds len = f.length().orElseThrow(() -> cannot(kind, f, "it has no length bounds"));
        String tooLong = "q".repeat(len.max() + 1);
        for (int r : rows(draws, n, k, all(n))) {
          values.set(r, tooLong);
        }
      }
      case DUPLICATE_VALUE -> {
        if (!f.unique()) {
          throw cannot(kind, f, "it is not unique");
        }
        List<Integer> present = present(values);
        if (present.size() < 2) {
          throw cannot(kind, f, "fewer than two rows have a value");
        }
        Object first = values.get(present.get(0));
        for (int r : rows(draws, n, Math.min(k, present.size() - 1), present.subList(1, present.size()))) {
          values.set(r, first);
        }
      }
      case UNKNOWN_LABEL -> {
        if (!isLabel(spec, f) || spec.labelClasses().isEmpty()) {
          throw cannot(kind, f, "it is not the label column of a spec with label classes");
        }
        Object notAClass = f.type().isNumeric() ? (Object) unknownNumericLabel(spec) : "not-a-class";
        for (int r : rows(draws, n, k, all(n))) {
          values.set(r, notAClass);
        }
      }
      default -> throw new IllegalArgumentException("cannot make a " + kind + " violation per feature");
    }
    return data.withColumn(DatasetGenerator.build(f.name(), f.type(), values));
  }

  private static boolean isLabel(DatasetSpec spec, FeatureSpec f) {
    return spec.labelColumn().map(f.name()::equals).orElse(false);
  }

  private static IllegalArgumentException cannot(ViolationKind kind, FeatureSpec f, String why) {
    return new IllegalArgumentException(
        "cannot make a " + kind + " violation on feature '" + f.name() + "': " + why);
  }

  private static Column wrongType(FeatureSpec f, List<Object> values, List<Integer> rows) {
    if (f.type() == FeatureType.INTEGER) {
      double[] out = new double[values.size()];
      for (int r = 0; r < out.length; r++) {
        out[r] = values.get(r) == null ? Double.NaN : ((Number) values.get(r)).doubleValue();
      }
      for (int r : rows) {
        out[r] += 0.5;
      }
      // Stored as NUMERIC: a column typed INTEGER is taken to hold whole numbers already.
      return NumericColumn.of(f.name(), FeatureType.NUMERIC, out);
    }
    if (f.type() == FeatureType.CATEGORICAL || f.type() == FeatureType.TEXT) {
      throw cannot(ViolationKind.WRONG_TYPE, f, "any text is a valid " + f.type());
    }
    List<String> text = new ArrayList<>(values.size());
    for (Object v : values) {
      text.add(v == null ? null : v instanceof Double d ? Double.toString(d) : v.toString());
    }
    for (int r : rows) {
      text.set(r, "not-a-" + f.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    return CategoricalColumn.of(f.name(), text);
  }

  private static double outside(FeatureSpec f) {
    NumericRange r = f.range().orElseThrow(() -> cannot(ViolationKind.OUT_OF_RANGE, f, "it has no range"));
    if (!Double.isInfinite(r.max())) {
      return Math.floor(r.max()) + 1 + Math.floor(Math.abs(r.max()));
    }
    if (!Double.isInfinite(r.min())) {
      return Math.ceil(r.min()) - 1 - Math.floor(Math.abs(r.min()));
    }
    throw cannot(ViolationKind.OUT_OF_RANGE, f, "its range has no finite bound");
  }

  private static String unknownCategory(FeatureSpec f) {
    Set<String> domain = Set.copyOf(f.domain().get().values());
    int length = f.length().map(LengthBounds::min).orElse(7);
    int max = f.length().map(LengthBounds::max).orElse(Integer.MAX_VALUE);
    for (int len = Math.max(length, 1); len <= max; len++) {
      for (char c = 'a'; c <= 'z'; c++) {
        String v = String.valueOf(c).repeat(len);
        if (!domain.contains(v)) {
          return v;
        }
      }
    }
    throw cannot(ViolationKind.UNKNOWN_CATEGORY, f, "every string of an allowed length is in the domain");
  }

  private static double unknownNumericLabel(DatasetSpec spec) {
    double max = spec.labelClasses().stream().mapToDouble(Double::parseDouble).max().orElse(0);
    return Math.floor(max) + 1000;
  }

  private static List<Integer> all(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  private static List<Integer> present(List<Object> values) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        out.add(i);
      }
    }
    return out;
  }

  /** Picks {@code k} distinct rows of {@code from} by a partial Fisher–Yates shuffle. */
  private static List<Integer> rows(Randomness draws, int n, int k, List<Integer> from) {
    List<Integer> pool = new ArrayList<>(from);
    int take = Math.min(k, pool.size());
    for (int i = 0; i < take; i++) {
      int j = i + draws.index(pool.size() - i);
      Integer t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    return pool.subList(0, take);
  }
}
