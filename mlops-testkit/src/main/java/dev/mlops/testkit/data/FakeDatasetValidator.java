package dev.mlops.testkit.data;

import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetValidator;
import dev.mlops.data.Record;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A scripted {@link DatasetValidator} that records what it was asked. Per-record rules say which
 * records break which feature's rule; a record no rule matches is valid. A dataset is checked row
 * by row against the same rules, and the violations of one (feature, kind) are merged with their
 * count and first {@value #EXAMPLE_ROWS} rows, as a real validator reports them.
 *
 * <pre>{@code
 * FakeDatasetValidator validator = FakeDatasetValidator.builder(spec)
 *     .when(r -> r.get("age") == null).violates("age", ViolationKind.MISSING_VALUES, "present", "null")
 *     .build();
 * service.handle(request, validator);
 * assertThat(validator.validatedRecords()).hasSize(1);
 * }</pre>
 *
 * <p>Thread-safe: rules are immutable, the call logs are synchronized.
 */
public final class FakeDatasetValidator implements DatasetValidator {
  /** Example rows (and values) a merged dataset violation keeps: {@value}. */
  public static final int EXAMPLE_ROWS = 5;

  private record Rule(Predicate<Record> condition, String feature, ViolationKind kind, String expected,
      String actual) {}

  private final DatasetSpec spec;
  private final List<Rule> rules;
  private final List<Record> records = Collections.synchronizedList(new ArrayList<>());
  private final List<Dataset> datasets = Collections.synchronizedList(new ArrayList<>());

  private FakeDatasetValidator(Builder b) {
    this.spec = b.spec;
    this.rules = List.copyOf(b.rules);
  }

  /** Starts a validator of {@code spec} that accepts every record until rules are added. */
  public static Builder builder(DatasetSpec spec) {
    return new Builder(spec);
  }

  @Override
  public DatasetSpec spec() {
    return spec;
  }

  @Override
  public ValidationReport validate(Dataset data) {
    Objects.requireNonNull(data, "data");
    datasets.add(data);
    Map<String, Merged> merged = new LinkedHashMap<>();
    for (int row = 0; row < data.rowCount(); row++) {
      Record record = data.row(row);
      for (Rule rule : rules) {
        if (rule.condition().test(record)) {
          merged.computeIfAbsent(rule.feature() + '\u0000' + rule.kind(), k -> new Merged(rule))
              .add(row, record);
        }
      }
    }
    return new ValidationReport(data.rowCount(), (long) data.rowCount() * spec.featureNames().size(),
        merged.values().stream().map(Merged::violation).toList());
  }

  @Override
  public ValidationReport validate(Record record) {
    Objects.requireNonNull(record, "record");
    records.add(record);
    List<Violation> violations = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.condition().test(record)) {
        Merged one = new Merged(rule);
        one.add(0, record);
        violations.add(one.violation());
      }
    }
    return new ValidationReport(1, spec.featureNames().size(), violations);
  }

  /** Returns the records validated so far, in call order. */
  public List<Record> validatedRecords() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** Returns the datasets validated so far, in call order. */
  public List<Dataset> validatedDatasets() {
    synchronized (datasets) {
      return List.copyOf(datasets);
    }
  }

  @Override
  public String toString() {
    return "FakeDatasetValidator[" + spec.featureNames() + ", " + rules.size() + " rules]";
  }

  /** The violations of one rule in one call, merged. */
  private static final class Merged {
    private final Rule rule;
    private long count;
    private final List<Long> rows = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    Merged(Rule rule) {
      this.rule = rule;
    }

    void add(long row, Record record) {
      count++;
      if (rows.size() < EXAMPLE_ROWS) {
        rows.add(row);
        values.add(record.has(rule.feature()) ? String.valueOf(record.get(rule.feature())) : "(absent)");
      }
    }

    Violation violation() {
      return new Violation(rule.feature(), rule.kind(), count, rows, values, rule.expected(), rule.actual());
    }
  }

  /** Collects the script. Not thread-safe. */
  public static final class Builder {
    private final DatasetSpec spec;
    private final List<Rule> rules = new ArrayList<>();

    private Builder(DatasetSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Starts a rule: records for which {@code condition} holds break a feature's rule. */
    public When when(Predicate<Record> condition) {
      return new When(this, Objects.requireNonNull(condition, "condition"));
    }

    /** Builds the validator. */
    public FakeDatasetValidator build() {
      return new FakeDatasetValidator(this);
    }
  }

  /** The violation half of a rule. Not thread-safe. */
  public static final class When {
    private final Builder builder;
    private final Predicate<Record> condition;

    private When(Builder builder, Predicate<Record> condition) {
      this.builder = builder;
      this.condition = condition;
    }

    /**
     * Makes matching records violate {@code kind} on {@code feature}, described as expected vs
     * actual.
     *
     * @throws IllegalArgumentException if the spec has no feature {@code feature} (or it is not
     *     {@link Violation#DATASET})
     */
    public Builder violates(String feature, ViolationKind kind, String expected, String actual) {
      Objects.requireNonNull(feature, "feature");
      if (!feature.equals(Violation.DATASET) && builder.spec.feature(feature).isEmpty()) {
        throw new IllegalArgumentException("the spec has no feature '" + feature + "'; it has "
            + builder.spec.featureNames());
      }
      builder.rules.add(new Rule(condition, feature, Objects.requireNonNull(kind, "kind"),
          Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(actual, "actual")));
      return builder;
    }
  }
}
