package dev.mlops.testkit.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import dev.mlops.data.ViolationKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Seeded data that conforms to a {@link DatasetSpec}, or that breaks it in one chosen way:
 *
 * <pre>{@code
 * DatasetGenerator gen = DatasetGenerator.of(spec, 42);
 * Dataset valid = gen.dataset(500);                          // passes the spec's validation
 * Record request = gen.record();                             // a valid serving request
 * Dataset bad = gen.violating(500, ViolationKind.OUT_OF_RANGE, "age", 0.05);   // 5 % of rows
 * }</pre>
 *
 * <p>Conforming data keep every rule of the spec: types, ranges (bounds and their inclusiveness,
 * whole numbers for {@link FeatureType#INTEGER}), domains (restricted to values of an allowed
 * length), length bounds, uniqueness, the label classes, and presence (an optional feature is
 * missing in at most half of the rows its presence share allows; never where NaN is disallowed).
 * Unbounded numbers are drawn from {@code [-1000, 1000]}, free text from lower-case letters.
 * A violating dataset is a conforming one with one rule broken on the chosen feature, in
 * {@code ceil(rate * rows)} rows or as many more as the rule's own tolerance needs (a presence
 * share, a domain's tolerated share). Each method also takes a {@link Randomness}, for a
 * property-testing library that shrinks its draws (see {@code mlops-testkit-quicktheories}).
 *
 * <p>Immutable and thread-safe: each call draws from a fresh stream of the seed, so the same
 * call gives the same data.
 */
public final class DatasetGenerator {
  /** Bound used for a numeric range that is open on a side: {@value}. */
  public static final double UNBOUNDED_LIMIT = 1000;
  /** Earliest generated instant: {@value}. */
  public static final String EARLIEST_INSTANT = "2020-01-01T00:00:00Z";
  private static final long INSTANT_SPAN_SECONDS = 5L * 365 * 24 * 3600;
  private static final int DEFAULT_TEXT_MAX = 12;

  private final DatasetSpec spec;
  private final long seed;

  private DatasetGenerator(DatasetSpec spec, long seed) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.seed = seed;
  }

  /** Returns a generator for {@code spec} drawing from {@code seed}. */
  public static DatasetGenerator of(DatasetSpec spec, long seed) {
    return new DatasetGenerator(spec, seed);
  }

  /**
   * Returns a dataset of {@code rows} rows that conforms to the spec.
   *
   * @throws IllegalArgumentException if {@code rows} is outside the spec's row bounds, or a
   *     feature's rules cannot all hold (a unique feature with fewer allowed values than rows, a
   *     domain with no value of an allowed length, an integer range without a whole number)
   */
  public Dataset dataset(int rows) {
    return dataset(Randomness.seeded(seed), rows);
  }

  /**
   * Returns a conforming dataset of {@code rows} rows drawn from {@code randomness}.
   *
   * @throws IllegalArgumentException as {@link #dataset(int)}
   */
  public Dataset dataset(Randomness randomness, int rows) {
    if (rows < spec.minRows() || rows > spec.maxRows()) {
      throw new IllegalArgumentException("rows must be in the spec's bounds [" + spec.minRows()
          + ", " + spec.maxRows() + "], was " + rows);
    }
    return generate(spec, Objects.requireNonNull(randomness, "randomness"), rows);
  }

  /** Returns one record that conforms to the spec's per-record rules. */
  public Record record() {
    return record(Randomness.seeded(seed));
  }

  /** Returns one conforming record drawn from {@code randomness}. */
  public Record record(Randomness randomness) {
    return record(spec, Objects.requireNonNull(randomness, "randomness"));
  }

  /**
   * Returns a dataset that breaks the spec in the chosen way on {@code feature}.
   *
   * @param rows the number of rows
   * @param kind the rule to break; {@link ViolationKind#ROW_COUNT} is {@link #violatingRowCount()}
   * @param feature the feature to break it on (for {@link ViolationKind#UNEXPECTED_FEATURE}, the
   *     name of the extra column)
   * @param rate the share of rows to break, in (0, 1]
   * @throws IllegalArgumentException if the spec gives the feature no such rule to break (e.g.
   *     {@code OUT_OF_RANGE} without a finite bound), naming what is missing
   */
  public Dataset violating(int rows, ViolationKind kind, String feature, double rate) {
    return violating(Randomness.seeded(seed), rows, kind, feature, rate);
  }

  /**
   * Returns a dataset that breaks the spec as {@link #violating(int, ViolationKind, String,
   * double)} does, drawn from {@code randomness}.
   *
   * @throws IllegalArgumentException as that method
   */
  public Dataset violating(
      Randomness randomness, int rows, ViolationKind kind, String feature, double rate) {
    Objects.requireNonNull(randomness, "randomness");
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in (0, 1], was " + rate);
    }
    Objects.requireNonNull(kind, "kind");
    if (kind == ViolationKind.ROW_COUNT) {
      throw new IllegalArgumentException("a row count is broken by violatingRowCount(), not per feature");
    }
    return Violations.apply(spec, dataset(randomness, rows), randomness, kind, feature, rate);
  }

  /**
   * Returns a conforming dataset with one row fewer than the spec's minimum, or one more than
   * its maximum when the minimum is 0.
   *
   * @throws IllegalArgumentException if the spec allows any row count
   */
  public Dataset violatingRowCount() {
    long n = spec.minRows() > 0 ? spec.minRows() - 1 : spec.maxRows() + 1;
    if (spec.minRows() == 0 && spec.maxRows() >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the spec allows any row count: no ROW_COUNT violation to make");
    }
    return generate(spec, Randomness.seeded(seed), (int) n);
  }

  private static Dataset generate(DatasetSpec spec, Randomness draws, int rows) {
    List<Column> columns = new ArrayList<>();
    for (FeatureSpec f : spec.features()) {
      columns.add(column(spec, f, draws, rows));
    }
    return Dataset.of("generated", columns);
  }

  private static Record record(DatasetSpec spec, Randomness draws) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FeatureSpec f : spec.features()) {
      boolean missing = f.minPresence() < 1 && canBeMissing(f) && draws.chance(0.25);
      values.put(f.name(), missing ? null : value(spec, f, draws, 0, null));
    }
    return Record.of(values);
  }

  private static Column column(DatasetSpec spec, FeatureSpec f, Randomness draws, int rows) {
    boolean[] missing = missingRows(f, draws, rows);
    Set<Object> seen = f.unique() ? new HashSet<>() : null;
    List<Object> values = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      values.add(missing[r] ? null : value(spec, f, draws, r, seen));
    }
    return build(f.name(), f.type(), values);
  }

  /** Marks at most half the missing values the presence share allows, at drawn rows. */
  private static boolean[] missingRows(FeatureSpec f, Randomness draws, int rows) {
    boolean[] missing = new boolean[rows];
    if (!canBeMissing(f) || rows == 0) {
      return missing;
    }
    long needed = (long) Math.ceil(f.minPresence() * rows - 1e-9);
    long allowed = (rows - needed) / 2;
    for (long k = 0; k < allowed; k++) {
      missing[draws.index(rows)] = true;
    }
    return missing;
  }

  private static boolean canBeMissing(FeatureSpec f) {
    return f.minPresence() < 1 && f.range().map(NumericRange::nanAllowed).orElse(true);
  }

  static Column build(String name, FeatureType type, List<Object> values) {
    return switch (type) {
      case NUMERIC, INTEGER -> NumericColumn.of(name, type, values.stream()
          .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray());
      case CATEGORICAL -> CategoricalColumn.of(name, values.stream().map(v -> (String) v).toList());
      case TEXT -> TextColumn.of(name, values.stream().map(v -> (String) v).toList());
      case BOOLEAN -> BooleanColumn.of(name, values.stream().map(v -> (Boolean) v).toList());
      case TIMESTAMP -> TimestampColumn.of(name, values.stream().map(v -> (Instant) v).toList());
    };
  }

  /** Draws one valid value; a unique feature retries until the value is new. */
  private static Object value(DatasetSpec spec, FeatureSpec f, Randomness draws, int row, Set<Object> seen) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      Object v = candidate(spec, f, draws, row, attempt);
      if (seen == null || seen.add(v)) {
        return v;
      }
    }
    throw new IllegalArgumentException("feature '" + f.name()
        + "' is unique but its rules leave too few distinct values for " + (row + 1) + " rows");
  }

  private static Object candidate(DatasetSpec spec, FeatureSpec f, Randomness draws, int row, int attempt) {
    List<String> labels = labelClasses(spec, f);
    if (!labels.isEmpty()) {
      String label = labels.get(draws.index(labels.size()));
      return f.type().isNumeric() ? (Object) Double.parseDouble(label) : label;
    }
    return switch (f.type()) {
      case NUMERIC -> number(f, draws);
      case INTEGER -> wholeNumber(f, draws);
      case CATEGORICAL -> f.domain().isPresent() ? fromDomain(f, draws) : text(f, draws, attempt);
      case TEXT -> text(f, draws, attempt);
      case BOOLEAN -> bool(f, draws);
      case TIMESTAMP -> Instant.parse(EARLIEST_INSTANT).plusSeconds(draws.between(0, INSTANT_SPAN_SECONDS));
    };
  }

  private static List<String> labelClasses(DatasetSpec spec, FeatureSpec f) {
    if (!spec.labelColumn().map(f.name()::equals).orElse(false)) {
      return List.of();
    }
    List<String> classes = spec.labelClasses();
    LengthBounds len = f.length().orElse(null);
    List<String> allowed = classes.stream()
        .filter(c -> f.domain().map(d -> d.values().contains(c)).orElse(true))
        .filter(c -> len == null || (c.length() >= len.min() && c.length() <= len.max()))
        .toList();
    if (!classes.isEmpty() && allowed.isEmpty()) {
      throw new IllegalArgumentException("label column '" + f.name() + "': no label class " + classes
          + " fits its domain and length rules");
    }
    return allowed;
  }

  static double low(FeatureSpec f) {
    double min = f.range().map(NumericRange::min).orElse(Double.NEGATIVE_INFINITY);
    double max = f.range().map(NumericRange::max).orElse(Double.POSITIVE_INFINITY);
    if (Double.isInfinite(min)) {
      return Double.isInfinite(max) ? -UNBOUNDED_LIMIT : Math.min(max, 0) - UNBOUNDED_LIMIT;
    }
    return min;
  }

  static double high(FeatureSpec f) {
    double min = f.range().map(NumericRange::min).orElse(Double.NEGATIVE_INFINITY);
    double max = f.range().map(NumericRange::max).orElse(Double.POSITIVE_INFINITY);
    if (Double.isInfinite(max)) {
      return Double.isInfinite(min) ? UNBOUNDED_LIMIT : Math.max(min, 0) + UNBOUNDED_LIMIT;
    }
    return max;
  }

  private static double number(FeatureSpec f, Randomness draws) {
    double lo = low(f);
    double hi = high(f);
    double v = lo + draws.unit() * (hi - lo);
    if (Double.isInfinite(v)) {
      v = lo / 2 + draws.unit() * (hi / 2 - lo / 2);
    }
    NumericRange r = f.range().orElse(null);
    if (r != null && !r.contains(v)) {
      // An exclusive bound drawn exactly: move to the middle, which every non-empty range holds.
      v = lo / 2 + hi / 2;
      if (!r.contains(v)) {
        throw new IllegalArgumentException("feature '" + f.name() + "' has an empty range " + r);
      }
    }
    return v;
  }

  private static double wholeNumber(FeatureSpec f, Randomness draws) {
    NumericRange r = f.range().orElse(null);
    double lo = Math.ceil(low(f));
    double hi = Math.floor(high(f));
    if (r != null && !r.contains(lo)) {
      lo++;
    }
    if (r != null && !r.contains(hi)) {
      hi--;
    }
    if (lo > hi) {
      throw new IllegalArgumentException("feature '" + f.name() + "' allows no whole number: " + r);
    }
    return lo + draws.between(0, (long) Math.min(hi - lo, 1L << 40));
  }

  private static String fromDomain(FeatureSpec f, Randomness draws) {
    List<String> allowed = allowedDomain(f);
    return allowed.get(draws.index(allowed.size()));
  }

  static List<String> allowedDomain(FeatureSpec f) {
    CategoricalDomain d = f.domain().orElseThrow();
    LengthBounds len = f.length().orElse(null);
    List<String> allowed = d.values().stream()
        .filter(v -> len == null || (v.length() >= len.min() && v.length() <= len.max())).toList();
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("feature '" + f.name() + "': no domain value " + d.values()
          + " has an allowed length " + len);
    }
    return allowed;
  }

  private static String text(FeatureSpec f, Randomness draws, int attempt) {
    int min = f.length().map(LengthBounds::min).orElse(1);
    int max = f.length().map(LengthBounds::max).orElse(Math.max(min, DEFAULT_TEXT_MAX));
    // Retries of a unique feature grow the length toward the maximum, where more values fit.
    int length = (int) Math.min(max, draws.between(min, Math.min(max, min + DEFAULT_TEXT_MAX)) + attempt / 10);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + draws.index(26)));
    }
    return sb.toString();
  }

  private static Boolean bool(FeatureSpec f, Randomness draws) {
    if (f.domain().isEmpty()) {
      return draws.chance(0.5);
    }
    List<Boolean> allowed = new ArrayList<>();
    for (String v : f.domain().get().values()) {
      String t = v.toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        allowed.add(Boolean.parseBoolean(t));
      }
    }
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("boolean feature '" + f.name() + "' has no true or false in its domain "
          + f.domain().get().values());
    }
    return allowed.get(draws.index(allowed.size()));
  }
}
