package dev.mlops.testkit.drift;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded stream of labelled rows in which one known thing changes at a known row, for testing
 * drift detection, monitors and retraining triggers against ground truth.
 *
 * <p>Every scenario has the same schema: numeric features {@value #X1} and {@value #X2}, each
 * standard normal; a categorical {@value #SEGMENT} drawn uniformly from {@link #CATEGORIES}; and
 * a label {@value #LABEL}, {@code "1"} with probability {@code sigmoid(2 (x1 + x2))}, else
 * {@code "0"} (so half the rows are positive). One change is chosen on the builder:
 *
 * <pre>{@code
 * DriftScenario s = DriftScenario.builder(42).rows(2_000).changeAt(1_000)
 *     .covariateShift("x1", 1.5, ChangePattern.GRADUAL, 300)
 *     .build();
 * DriftReport report = detector.detect(s.reference(1_000), s.after());
 * double[] x1 = s.stream("x1");                       // feed a streaming detector
 * double[] errors = s.errors(s.referenceRule());      // 0/1 errors of the pre-change rule
 * DriftTruth truth = s.truth();                       // change index, full-effect index, time
 * }</pre>
 *
 * <ul>
 *   <li>covariate shift: a numeric feature's mean moves by {@code shift}, the labelling rule
 *       stays (the label follows the moved values); {@link ChangePattern sudden, gradual,
 *       incremental or recurring};
 *   <li>prior shift: the share of {@code "1"} labels becomes {@code positiveShare}, each class's
 *       feature distribution unchanged (rows drawn by rejection on the label);
 *   <li>concept shift: the inputs keep their distribution, the rule becomes
 *       {@code sigmoid(2 (x1 - x2))};
 *   <li>missing burst: a feature is missing at a rate for a number of rows;
 *   <li>new category: a new value appears in {@value #SEGMENT} at a share.
 * </ul>
 * Row {@code i} is stamped {@code start + i * interval} ({@link #timeOf}). The same seed and
 * settings give the same rows on every JVM: values come from {@link SplittableRandom} and a
 * Box–Muller transform written here, never from platform Gaussian generators.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class DriftScenario {
  /** Name of the first numeric feature: {@value}. */
  public static final String X1 = "x1";
  /** Name of the second numeric feature: {@value}. */
  public static final String X2 = "x2";
  /** Name of the categorical feature: {@value}. */
  public static final String SEGMENT = "segment";
  /** Name of the label column: {@value}. */
  public static final String LABEL = "label";
  /** The categories of {@value #SEGMENT} before any new one: a, b and c. */
  public static final List<String> CATEGORIES = List.of("a", "b", "c");
  /** Default number of rows: {@value}. */
  public static final int DEFAULT_ROWS = 2_000;
  /** Default time between two rows: one minute. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  /** Steepness of the labelling rule's sigmoid: {@value}. */
  static final double RULE_SLOPE = 2;

  private final Settings settings;
  private final Dataset data;
  private final DriftTruth truth;

  private DriftScenario(Settings settings) {
    this.settings = settings;
    this.data = generate(settings, settings.seed, true, settings.rows, "scenario");
    this.truth = truth(settings);
  }

  /** Starts a scenario with this seed: {@value #DEFAULT_ROWS} rows, the change at the middle. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** Returns every row, before and after the change. */
  public Dataset data() {
    return data;
  }

  /** Returns where and when the change happens. */
  public DriftTruth truth() {
    return truth;
  }

  /** Returns the rows before the change index. */
  public Dataset before() {
    return data.selectRows(range(0, truth.changeIndex()));
  }

  /**
   * Returns the rows from the full-effect index on (for a missing burst, the rows of the burst).
   */
  public Dataset after() {
    int end = truth.endIndex().orElse(data.rowCount());
    return data.selectRows(range(truth.fullEffectIndex(), end));
  }

  /**
   * Returns a fresh sample of the distribution before the change, independent of
   * {@link #data()} (another stream of the same seed): a reference for batch detectors.
   */
  public Dataset reference(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, was " + rows);
    }
    return generate(settings, settings.seed ^ 0x5DEECE66DL, false, rows, "reference");
  }

  /**
   * Returns a numeric feature's values in row order (NaN where missing), for a streaming
   * detector.
   *
   * @throws IllegalArgumentException if the feature is not {@value #X1} or {@value #X2}
   */
  public double[] stream(String feature) {
    if (!X1.equals(feature) && !X2.equals(feature)) {
      throw new IllegalArgumentException(
          "stream needs a numeric feature, " + X1 + " or " + X2 + ", was '" + feature + "'");
    }
    return data.numeric(feature).toArray();
  }

  /**
   * Returns 1 where {@code predictor} gets a row's label wrong and 0 where it is right, in row
   * order: the error stream a concept-drift detector watches.
   */
  public double[] errors(Function<Record, String> predictor) {
    Objects.requireNonNull(predictor, "predictor");
    CategoricalColumn labels = data.categorical(LABEL);
    double[] out = new double[data.rowCount()];
    List<Record> rows = data.rows();
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.value(i).equals(predictor.apply(rows.get(i))) ? 0 : 1;
    }
    return out;
  }

  /**
   * Returns the best rule for the rows before the change: {@code "1"} when {@code x1 + x2 > 0}
   * (a missing value counts as 0).
   */
  public Function<Record, String> referenceRule() {
    return r -> orZero(r.getDouble(X1)) + orZero(r.getDouble(X2)) > 0 ? "1" : "0";
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  /** Returns the time stamp of row {@code index}. */
  public Instant timeOf(int index) {
    return settings.start.plus(settings.interval.multipliedBy(index));
  }

  @Override
  public String toString() {
    return "DriftScenario[seed " + settings.seed + ", " + truth + "]";
  }

  private static int[] range(int from, int to) {
    int[] out = new int[Math.max(0, to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  private static DriftTruth truth(Settings s) {
    int c = s.changeAt;
    Instant at = s.start.plus(s.interval.multipliedBy(c));
    return switch (s.kind) {
      case NONE -> new DriftTruth(DriftKind.NONE, ChangePattern.SUDDEN, List.of(), c, c, OptionalInt.empty(), at);
      case COVARIATE -> new DriftTruth(DriftKind.COVARIATE, s.pattern, List.of(s.feature), c,
          s.pattern == ChangePattern.GRADUAL || s.pattern == ChangePattern.INCREMENTAL
              ? Math.min(c + s.width, s.rows) : c,
          OptionalInt.empty(), at);
      case PRIOR, CONCEPT -> new DriftTruth(s.kind, ChangePattern.SUDDEN, List.of(), c, c, OptionalInt.empty(), at);
      case MISSING_BURST -> new DriftTruth(DriftKind.MISSING_BURST, ChangePattern.SUDDEN,
          List.of(s.feature), c, c, OptionalInt.of(Math.min(c + s.width, s.rows)), at);
      case NEW_CATEGORY -> new DriftTruth(DriftKind.NEW_CATEGORY, ChangePattern.SUDDEN,
          List.of(SEGMENT), c, c, OptionalInt.empty(), at);
    };
  }

  private static Dataset generate(Settings s, long seed, boolean withChange, int rows, String name) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x1 = new double[rows];
    double[] x2 = new double[rows];
    List<String> segment = new ArrayList<>(rows);
    List<String> label = new ArrayList<>(rows);
    Row row = new Row();
    for (int i = 0; i < rows; i++) {
      boolean changed = withChange && i >= s.changeAt;
      if (changed && s.kind == DriftKind.PRIOR) {
        boolean positive = random.nextDouble() < s.amount;
        do {
          draw(random, row, s, false, i);
        } while (row.positive != positive);
      } else {
        draw(random, row, s, changed, i);
      }
      if (changed && s.kind == DriftKind.MISSING_BURST && i < s.changeAt + s.width
          && random.nextDouble() < s.amount) {
        row.set(s.feature, Double.NaN);
      }
      if (changed && s.kind == DriftKind.NEW_CATEGORY && random.nextDouble() < s.amount) {
        row.segment = s.category;
      }
      x1[i] = row.x1;
      x2[i] = row.x2;
      segment.add(row.segment);
      label.add(row.positive ? "1" : "0");
    }
    return Dataset.of(name, List.of(NumericColumn.of(X1, x1), NumericColumn.of(X2, x2),
        CategoricalColumn.of(SEGMENT, segment), CategoricalColumn.of(LABEL, label)));
  }

  /** One row being drawn. */
  private static final class Row {
    double x1;
    double x2;
    String segment;
    boolean positive;

    void set(String feature, double value) {
      if (X1.equals(feature)) {
        x1 = value;
      } else {
        x2 = value;
      }
    }

    double get(String feature) {
      return X1.equals(feature) ? x1 : x2;
    }
  }

  private static void draw(SplittableRandom random, Row row, Settings s, boolean changed, int i) {
    row.x1 = gaussian(random);
    row.x2 = gaussian(random);
    row.segment = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    if (changed && s.kind == DriftKind.COVARIATE) {
      row.set(s.feature, row.get(s.feature) + s.amount * effect(random, s, i));
    }
    boolean newRule = changed && s.kind == DriftKind.CONCEPT;
    double z = RULE_SLOPE * (row.x1 + (newRule ? -row.x2 : row.x2));
    row.positive = random.nextDouble() < 1 / (1 + Math.exp(-z));
  }

  /** How much of the shift row {@code i} gets, in [0, 1]. */
  private static double effect(SplittableRandom random, Settings s, int i) {
    int into = i - s.changeAt;
    return switch (s.pattern) {
      case SUDDEN -> 1;
      case GRADUAL -> into >= s.width || random.nextDouble() < (into + 1.0) / s.width ? 1 : 0;
      case INCREMENTAL -> Math.min(1, (into + 1.0) / s.width);
      case RECURRING -> (into / s.width) % 2 == 0 ? 1 : 0;
    };
  }

  /** A standard normal value by the Box–Muller transform (one of the pair). */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1 - random.nextDouble(); // in (0, 1], so the log is finite
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** What the builder collected. */
  private static final class Settings {
    final long seed;
    int rows = DEFAULT_ROWS;
    Integer changeAtOrNull;
    int changeAt;
    Instant start = Instant.parse(TestClock.DEFAULT_START);
    Duration interval = DEFAULT_INTERVAL;
    DriftKind kind = DriftKind.NONE;
    ChangePattern pattern = ChangePattern.SUDDEN;
    String feature;
    String category;
    double amount;
    int width = 1;

    Settings(long seed) {
      this.seed = seed;
    }

    Settings copy() {
      Settings c = new Settings(seed);
      c.rows = rows;
      c.changeAt = changeAt;
      c.start = start;
      c.interval = interval;
      c.kind = kind;
      c.pattern = pattern;
      c.feature = feature;
      c.category = category;
      c.amount = amount;
      c.width = width;
      return c;
    }
  }

  /** Chooses the size, the timing and the one change of a scenario. Not thread-safe. */
  public static final class Builder {
    private final Settings s;
    private boolean changeChosen;

    private Builder(long seed) {
      this.s = new Settings(seed);
    }

    /** Sets the number of rows (default {@value DriftScenario#DEFAULT_ROWS}). */
    public Builder rows(int count) {
      if (count < 2) {
        throw new IllegalArgumentException("rows must be >= 2, was " + count);
      }
      s.rows = count;
      return this;
    }

    /** Sets the first row that may change (default: the middle row). */
    public Builder changeAt(int index) {
      if (index < 1) {
        throw new IllegalArgumentException("changeAt must be >= 1, was " + index);
      }
      s.changeAtOrNull = index;
      return this;
    }

    /** Sets the time stamp of row 0 (default {@value TestClock#DEFAULT_START}). */
    public Builder start(Instant instant) {
      s.start = Objects.requireNonNull(instant, "instant");
      return this;
    }

    /** Sets the time between two rows (default one minute). */
    public Builder interval(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("interval must be positive, was " + value);
      }
      s.interval = value;
      return this;
    }

    /** A sudden covariate shift: {@code feature}'s mean moves by {@code shift}. */
    public Builder covariateShift(String feature, double shift) {
      return covariateShift(feature, shift, ChangePattern.SUDDEN, 1);
    }

    /**
     * A covariate shift of {@code feature}'s mean by {@code shift}, unfolding as {@code pattern}
     * over {@code width} rows (the transition of gradual and incremental shifts, the period of a
     * recurring one; ignored for a sudden one).
     *
     * @throws IllegalArgumentException if the feature is not numeric or {@code width < 1}
     */
    public Builder covariateShift(String feature, double shift, ChangePattern pattern, int width) {
      numericFeature(feature);
      Objects.requireNonNull(pattern, "pattern");
      if (width < 1) {
        throw new IllegalArgumentException("width must be >= 1, was " + width);
      }
      choose(DriftKind.COVARIATE);
      s.feature = feature;
      s.amount = shift;
      s.pattern = pattern;
      s.width = width;
      return this;
    }

    /**
     * A prior shift: from the change on, {@code positiveShare} of the labels are {@code "1"}
     * (half are before).
     *
     * @throws IllegalArgumentException if the share is outside (0, 1)
     */
    public Builder priorShift(double positiveShare) {
      if (!(positiveShare > 0 && positiveShare < 1)) {
        throw new IllegalArgumentException("positiveShare must be in (0, 1), was " + positiveShare);
      }
      choose(DriftKind.PRIOR);
      s.amount = positiveShare;
      return this;
    }

    /** A concept shift: from the change on, the label follows {@code sigmoid(2 (x1 - x2))}. */
    public Builder conceptShift() {
      choose(DriftKind.CONCEPT);
      return this;
    }

    /**
     * A burst of missing values: for {@code length} rows from the change, each value of
     * {@code feature} is missing with probability {@code rate}.
     *
     * @throws IllegalArgumentException if the feature is not numeric, the length below 1 or the
     *     rate outside (0, 1]
     */
    public Builder missingBurst(String feature, int length, double rate) {
      numericFeature(feature);
      if (length < 1) {
        throw new IllegalArgumentException("length must be >= 1, was " + length);
      }
      if (!(rate > 0 && rate <= 1)) {
        throw new IllegalArgumentException("rate must be in (0, 1], was " + rate);
      }
      choose(DriftKind.MISSING_BURST);
      s.feature = feature;
      s.width = length;
      s.amount = rate;
      return this;
    }

    /**
     * A new category: from the change on, {@value DriftScenario#SEGMENT} is {@code category}
     * with probability {@code share}.
     *
     * @throws IllegalArgumentException if the category is one of {@link #CATEGORIES} or the share
     *     is outside (0, 1]
     */
    public Builder newCategory(String category, double share) {
      Objects.requireNonNull(category, "category");
      if (CATEGORIES.contains(category)) {
        throw new IllegalArgumentException(
            "category '" + category + "' is not new: the segment already has " + CATEGORIES);
      }
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be in (0, 1], was " + share);
      }
      choose(DriftKind.NEW_CATEGORY);
      s.category = category;
      s.amount = share;
      return this;
    }

    /**
     * Builds the scenario; without a change it is the no-drift control.
     *
     * @throws IllegalArgumentException if the change index is not inside the rows
     */
    public DriftScenario build() {
      s.changeAt = s.changeAtOrNull == null ? s.rows / 2 : s.changeAtOrNull;
      if (s.changeAt >= s.rows) {
        throw new IllegalArgumentException(
            "changeAt must be below rows=" + s.rows + ", was " + s.changeAt);
      }
      return new DriftScenario(s.copy());
    }

    private void choose(DriftKind kind) {
      if (changeChosen) {
        throw new IllegalStateException("a scenario has one change; " + s.kind + " is already chosen");
      }
      changeChosen = true;
      s.kind = kind;
    }

    private static void numericFeature(String feature) {
      if (!X1.equals(feature) && !X2.equals(feature)) {
        throw new IllegalArgumentException(
            "the numeric features are " + X1 + " and " + X2 + ", was '" + feature + "'");
      }
    }
  }
}
