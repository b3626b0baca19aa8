package dev.mlops.testkit.drift;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.drift.BatchDriftDetector;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A scripted {@link BatchDriftDetector} that records what it was asked. Rules are tried in the
 * order given; the first whose condition holds answers with its fixed report. When none holds,
 * the detector compares exactly: a column drifts when its values changed at all, so a test states
 * which columns "moved" by changing them, with no statistics in the way.
 *
 * <pre>{@code
 * FakeBatchDriftDetector detector = FakeBatchDriftDetector.builder()
 *     .when((reference, current) -> current.rowCount() < 100).thenReport(tooFewRowsReport)
 *     .build();
 * service.checkDrift(detector);
 * assertThat(detector.calls()).hasSize(1);
 * }</pre>
 *
 * <p>The exact comparison tests each column present on both sides with {@value #TEST} (statistic
 * 1 when the values differ, 0 when equal, threshold {@value #THRESHOLD}), reports the missing
 * rates of both sides (a changed rate is flagged), the categories only the current data has, and
 * skips with a reason a column one side lacks. It keeps {@link dev.mlops.testkit.drift.BatchDriftDetectorContractTest}.
 *
 * <p>Thread-safe: rules are immutable, the call log is synchronized.
 */
public final class FakeBatchDriftDetector implements BatchDriftDetector {
  /** The detector's name: {@value}. */
  public static final String NAME = "fake";
  /** The test the exact comparison names in its columns: {@value}. */
  public static final String TEST = "exact-equality";
  /** The statistic a changed column reaches (1) is above this threshold: {@value}. */
  public static final double THRESHOLD = 0.5;
  /** Share of drifted columns that makes dataset drift unless the builder says otherwise: {@value}. */
  public static final double DEFAULT_DRIFT_SHARE = 0.5;

  /** One call: the datasets the detector was given. Immutable and thread-safe. */
  public record Call(Dataset reference, Dataset current) {
    /** Checks that both datasets are present. */
    public Call {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(current, "current");
    }
  }

  private record Rule(BiPredicate<Dataset, Dataset> condition, DriftReport report) {}

  private final List<Rule> rules;
  private final double driftShare;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  private FakeBatchDriftDetector(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.driftShare = b.driftShare;
  }

  /** Starts a detector that compares exactly until rules are added. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DriftReport detect(Dataset reference, Dataset current) {
    Call call = new Call(reference, current);
    calls.add(call);
    for (Rule rule : rules) {
      if (rule.condition().test(reference, current)) {
        return rule.report();
      }
    }
    return compareExactly(reference, current);
  }

  /** Returns the calls so far, in call order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private DriftReport compareExactly(Dataset reference, Dataset current) {
    Set<String> names = new LinkedHashSet<>(reference.columnNames());
    names.addAll(current.columnNames());
    List<ColumnDrift> columns = new ArrayList<>();
    for (String name : names) {
      Optional<Column> ref = reference.find(name);
      Optional<Column> cur = current.find(name);
      if (ref.isEmpty() || cur.isEmpty()) {
        Column present = ref.or(() -> cur).orElseThrow();
        columns.add(skipped(present, ref.isEmpty() ? "the reference lacks the column" : "the current data lacks the column"));
      } else {
        columns.add(compared(ref.get(), cur.get()));
      }
    }
    long tested = columns.stream().filter(c -> c.status() == ColumnStatus.OK).count();
    long drifted = columns.stream().filter(ColumnDrift::drifted).count();
    boolean datasetDrift = tested > 0 && (double) drifted / tested >= driftShare;
    return new DriftReport(datasetDrift, driftShare, (int) drifted, (int) tested, Correction.NONE, columns);
  }

  private static ColumnDrift compared(Column reference, Column current) {
    boolean changed = !reference.equals(current);
    double refMissing = missingRate(reference);
    double curMissing = missingRate(current);
    return new ColumnDrift(reference.name(), type(reference), TEST, changed ? 1 : 0, OptionalDouble.empty(),
        OptionalDouble.empty(), THRESHOLD, changed, refMissing, curMissing, OptionalDouble.empty(),
        refMissing != curMissing, newCategories(reference, current), ColumnStatus.OK, Optional.empty());
  }

  private static ColumnDrift skipped(Column column, String reason) {
    double missing = missingRate(column);
    return new ColumnDrift(column.name(), type(column), TEST, Double.NaN, OptionalDouble.empty(),
        OptionalDouble.empty(), THRESHOLD, false, missing, missing, OptionalDouble.empty(), false, List.of(),
        ColumnStatus.SKIPPED, Optional.of(reason));
  }

  private static String type(Column column) {
    return column.type().name().toLowerCase(Locale.ROOT);
  }

  private static double missingRate(Column column) {
    return column.size() == 0 ? 0 : (double) column.missingCount() / column.size();
  }

  private static List<String> newCategories(Column reference, Column current) {
    if (!(reference instanceof CategoricalColumn) || !(current instanceof CategoricalColumn)) {
      return List.of();
    }
    Set<Object> known = new LinkedHashSet<>();
    for (int i = 0; i < reference.size(); i++) {
      known.add(reference.get(i));
    }
    Set<String> fresh = new LinkedHashSet<>();
    for (int i = 0; i < current.size(); i++) {
      if (!current.isMissing(i) && !known.contains(current.get(i))) {
        fresh.add(String.valueOf(current.get(i)));
      }
    }
    return List.copyOf(fresh);
  }

  @Override
  public String toString() {
    return "FakeBatchDriftDetector[" + rules.size() + " rules, drift share " + driftShare + "]";
  }

  /** Collects the script. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private double driftShare = DEFAULT_DRIFT_SHARE;

    private Builder() {}

    /** Starts a rule: when {@code condition} holds for (reference, current), answer as it says. */
    public When when(BiPredicate<Dataset, Dataset> condition) {
      return new When(this, Objects.requireNonNull(condition, "condition"));
    }

    /**
     * Sets the share of drifted columns the exact comparison calls dataset drift (default
     * {@value FakeBatchDriftDetector#DEFAULT_DRIFT_SHARE}).
     *
     * @throws IllegalArgumentException if {@code share} is outside (0, 1]
     */
    public Builder driftShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("driftShare must be in (0, 1], was " + share);
      }
      this.driftShare = share;
      return this;
    }

    /** Builds the detector. */
    public FakeBatchDriftDetector build() {
      return new FakeBatchDriftDetector(this);
    }
  }

  /** The answer half of a rule. Not thread-safe. */
  public static final class When {
    private final Builder builder;
    private final BiPredicate<Dataset, Dataset> condition;

    private When(Builder builder, BiPredicate<Dataset, Dataset> condition) {
      this.builder = builder;
      this.condition = condition;
    }

    /** Answers with {@code report}, as it is. */
    public Builder thenReport(DriftReport report) {
      builder.rules.add(new Rule(condition, Objects.requireNonNull(report, "report")));
      return builder;
    }
  }
}
