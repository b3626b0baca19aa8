package dev.mlops.core.evaluation;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A named subset of the examples: a feature value, a numeric range, a predicate on the features,
 * or a tag. The partition factories ({@link #byValue}, {@link #bins}, {@link #quantileBins})
 * return slices that together hold every example exactly once, missing values in their own
 * slice.
 *
 * <p>Immutable and thread-safe if its predicate is.
 */
public final class Slice {
  /** Tests one example of the data. */
  @FunctionalInterface
  private interface RowTest {
    boolean test(EvaluationData data, int row);
  }

  private final String name;
  private final RowTest test;

  private Slice(String name, RowTest test) {
    this.name = Objects.requireNonNull(name, "name");
    this.test = test;
  }

  /** Returns the slice's name. */
  public String name() {
    return name;
  }

  /** Returns whether the example at {@code row} is in the slice. */
  public boolean contains(EvaluationData data, int row) {
    return test.test(data, row);
  }

  /** Returns the rows of {@code data} in the slice, ascending. */
  public int[] rows(EvaluationData data) {
    int[] out = new int[data.size()];
    int k = 0;
    for (int i = 0; i < data.size(); i++) {
      if (test.test(data, i)) {
        out[k++] = i;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * The examples whose feature equals {@code value}: numerically for a numeric feature and a
   * {@link Number} value, otherwise as equal objects (a String for categorical features).
   */
  public static Slice value(String feature, Object value) {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(value, "value");
    return new Slice(feature + " = " + format(value), (d, r) -> {
      Object v = d.features(r).get(feature);
      if (v instanceof Double x && value instanceof Number n) {
        return x == n.doubleValue();
      }
      return value.equals(v);
    });
  }

  /**
   * The examples whose numeric feature is in {@code [lower, upper)}; infinite bounds are allowed.
   *
   * @throws IllegalArgumentException if {@code lower >= upper} or a bound is NaN
   */
  public static Slice range(String feature, double lower, double upper) {
    Objects.requireNonNull(feature, "feature");
    if (!(lower < upper)) {
      throw new IllegalArgumentException(
          "range of '" + feature + "' needs lower < upper, was [" + lower + ", " + upper + ")");
    }
    return new Slice(feature + " in " + interval(lower, upper), (d, r) -> {
      double v = d.features(r).getDouble(feature);
      return v >= lower && v < upper;
    });
  }

  /** The examples whose feature is missing. */
  public static Slice missing(String feature) {
    Objects.requireNonNull(feature, "feature");
    return new Slice(feature + " is missing", (d, r) -> d.features(r).get(feature) == null);
  }

  /** The examples whose features satisfy {@code predicate}. */
  public static Slice where(String name, Predicate<Record> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new Slice(name, (d, r) -> predicate.test(d.features(r)));
  }

  /** The examples carrying {@code tag}; the slice is named after the tag. */
  public static Slice tag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return new Slice(tag, (d, r) -> d.tags(r).contains(tag));
  }

  /** One slice per tag used in {@code data}, sorted by tag. */
  public static List<Slice> tags(EvaluationData data) {
    return data.allTags().stream().map(Slice::tag).toList();
  }

  /**
   * One slice per distinct value of a feature, in order of first appearance, plus a "missing"
   * slice when some values are missing: a partition of the examples.
   *
   * @throws IllegalArgumentException if the data has no such feature
   * @throws IllegalStateException if the data has no features
   */
  public static List<Slice> byValue(EvaluationData data, String feature) {
    Column column = features(data).column(feature);
    Set<Object> values = new LinkedHashSet<>();
    for (int i = 0; i < column.size(); i++) {
      Object v = column.get(i);
      if (v != null) {
        values.add(v);
      }
    }
    List<Slice> out = new ArrayList<>();
    for (Object v : values) {
      out.add(new Slice(feature + " = " + format(v),
          (d, r) -> v.equals(d.features(r).get(feature))));
    }
    if (column.missingCount() > 0) {
      out.add(missing(feature));
    }
    return out;
  }

  /**
   * Bins of a numeric feature at {@code edges}: {@code (-inf, e0), [e0, e1), ..., [ek, +inf)},
   * plus a "missing" slice; a partition of the examples.
   *
   * @param edges strictly increasing, finite
   * @throws IllegalArgumentException if the edges are empty, not increasing or not finite
   */
  public static List<Slice> bins(String feature, double... edges) {
    Objects.requireNonNull(feature, "feature");
    if (edges.length == 0) {
      throw new IllegalArgumentException("bins of '" + feature + "' need at least one edge");
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new IllegalArgumentException("bin edges of '" + feature
            + "' must be finite and strictly increasing, were " + Arrays.toString(edges));
      }
    }
    List<Slice> out = new ArrayList<>();
    double lower = Double.NEGATIVE_INFINITY;
    for (double edge : edges) {
      out.add(range(feature, lower, edge));
      lower = edge;
    }
    out.add(range(feature, lower, Double.POSITIVE_INFINITY));
    out.add(missing(feature));
    return out;
  }

  /**
   * Equal-frequency bins of a numeric feature: edges at the {@code 1/bins, ..., (bins-1)/bins}
   * quantiles of its present values (duplicates merged), as {@link #bins}; the "missing" slice
   * only when some values are missing.
   *
   * @throws IllegalArgumentException if the feature is not numeric, has no present value, or
   *     {@code bins < 2}
   */
  public static List<Slice> quantileBins(EvaluationData data, String feature, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, was " + bins);
    }
    NumericColumn column = features(data).numeric(feature);
    double[] present = column.presentValues();
    if (present.length == 0) {
      throw new IllegalArgumentException("feature '" + feature + "' has no present value to bin");
    }
    Arrays.sort(present);
    double[] edges = new double[bins - 1];
    int k = 0;
    for (int b = 1; b < bins; b++) {
      double edge = round(NumpyMath.quantileOfSorted(present, (double) b / bins));
      if (edge > present[0] && (k == 0 || edge > edges[k - 1])) {
        edges[k++] = edge;
      }
    }
    List<Slice> out = k == 0
        ? new ArrayList<>(List.of(range(feature, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
            missing(feature)))
        : new ArrayList<>(bins(feature, Arrays.copyOf(edges, k)));
    if (column.missingCount() == 0) {
      out.remove(out.size() - 1); // no empty "missing" slice when every value is present
    }
    return out;
  }

  /** Rounds a bin edge to 4 significant digits so slice names stay readable. */
  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
  }

  private static Dataset features(EvaluationData data) {
    return data.features().orElseThrow(() -> new IllegalStateException(
        "slicing by a feature needs features; pass them with EvaluationData.builder().features(...)"));
  }

  private static String interval(double lower, double upper) {
    return "[" + format(lower) + ", " + format(upper) + ")";
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      if (d.isInfinite()) {
        return d > 0 ? "inf" : "-inf";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(v);
  }

  @Override
  public String toString() {
    return "Slice[" + name + "]";
  }
}
