package dev.mlops.core.data;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetValidator;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.Record;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates datasets and single records against a {@link DatasetSpec}. The spec is compiled once
 * into per-feature checks (bounds unpacked, domains in hash sets), so validating a column is one
 * tight loop and validating a record costs a few comparisons per feature and no allocation when
 * it is valid.
 *
 * <p>Dataset validation reports, in this order: the row count ({@link ViolationKind#ROW_COUNT}),
 * then per spec feature an absent column ({@link ViolationKind#MISSING_FEATURE}, or
 * {@link ViolationKind#UNKNOWN_LABEL} for an absent label column) or the violations of its
 * values, then columns the spec does not know ({@link ViolationKind#UNEXPECTED_FEATURE}). Each
 * violation carries the number of offending rows and up to {@code maxExamples} example rows.
 * A value of the wrong type is a violation at its row, never an exception.
 *
 * <p>Record validation skips the rules that need many rows (uniqueness, presence shares, tolerated
 * domain shares, row counts) and accepts a record without the label column (serving requests
 * have none).
 *
 * <p>Immutable and thread-safe: one validator serves every request thread.
 */
public final class SpecValidator implements DatasetValidator {
  /** Default number of example rows kept per violation: {@value} (our choice; enough to debug). */
  public static final int DEFAULT_MAX_EXAMPLES = 5;

  private final DatasetSpec spec;
  private final FeatureCheck[] checks;
  private final Set<String> known;
  private final String label;
  private final int maxExamples;
  private final ValidationReport[] validRecordReports;

  private SpecValidator(DatasetSpec spec, int maxExamples) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must be >= 0, was " + maxExamples);
    }
    this.maxExamples = maxExamples;
    List<FeatureSpec> features = spec.features();
    this.checks = new FeatureCheck[features.size()];
    for (int i = 0; i < checks.length; i++) {
      checks[i] = FeatureCheck.of(features.get(i), spec, maxExamples);
    }
    this.known = Set.copyOf(spec.featureNames());
    this.label = spec.labelColumn().orElse(null);
    // One shared report per possible cell count, so a valid record allocates nothing.
    this.validRecordReports = new ValidationReport[checks.length + 1];
    for (int i = 0; i <= checks.length; i++) {
      validRecordReports[i] = new ValidationReport(1, i, List.of());
    }
  }

  /** Returns a validator keeping {@value #DEFAULT_MAX_EXAMPLES} examples per violation. */
  public static SpecValidator of(DatasetSpec spec) {
    return new SpecValidator(spec, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Returns a validator.
   *
   * @param spec the spec to check against
   * @param maxExamples how many example rows to keep per violation, {@code >= 0}
   * @throws IllegalArgumentException if {@code maxExamples < 0}
   */
  public static SpecValidator of(DatasetSpec spec, int maxExamples) {
    return new SpecValidator(spec, maxExamples);
  }

  @Override
  public DatasetSpec spec() {
    return spec;
  }

  @Override
  public ValidationReport validate(Dataset data) {
    Objects.requireNonNull(data, "data");
    List<Violation> out = new ArrayList<>();
    long n = data.rowCount();
    if (n < spec.minRows() || n > spec.maxRows()) {
      String expected = spec.maxRows() == Long.MAX_VALUE
          ? "at least " + spec.minRows() + (spec.minRows() == 1 ? " row" : " rows")
          : "between " + spec.minRows() + " and " + spec.maxRows() + " rows";
      out.add(new Violation(Violation.DATASET, ViolationKind.ROW_COUNT, n, List.of(), List.of(),
          expected, n == 0 ? "the dataset is empty" : n + " rows"));
    }
    long cells = 0;
    for (FeatureCheck check : checks) {
      Column column = data.find(check.name).orElse(null);
      if (column == null) {
        reportAbsent(check, n, out);
      } else {
        check.checkColumn(column, out);
        cells += n;
      }
    }
    for (String name : data.columnNames()) {
      if (!known.contains(name)) {
        out.add(new Violation(name, ViolationKind.UNEXPECTED_FEATURE, n, List.of(), List.of(),
            "only the spec's features " + shortNames(), "column '" + name + "' is not in the spec"));
      }
    }
    return new ValidationReport(n, cells, out);
  }

  private void reportAbsent(FeatureCheck check, long rows, List<Violation> out) {
    if (check.name.equals(label)) {
      out.add(new Violation(check.name, ViolationKind.UNKNOWN_LABEL, rows, List.of(), List.of(),
          "label column '" + label + "' in the data", "the label column is absent"));
    } else if (check.spec.minPresence() > 0) {
      out.add(new Violation(check.name, ViolationKind.MISSING_FEATURE, rows, List.of(), List.of(),
          "column '" + check.name + "' in the data", "the column is absent"));
    }
  }

  private String shortNames() {
    List<String> names = spec.featureNames();
    return names.size() <= 10 ? names.toString()
        : names.subList(0, 10) + " and " + (names.size() - 10) + " more";
  }

  @Override
  public ValidationReport validate(Record record) {
    Objects.requireNonNull(record, "record");
    RecordFindings findings = null;
    int cells = 0;
    for (FeatureCheck check : checks) {
      if (record.has(check.name)) {
        findings = check.checkValue(record.get(check.name), findings);
        cells++;
      } else if (!check.name.equals(label) && check.spec.minPresence() > 0) {
        findings = RecordFindings.add(findings, check.name, ViolationKind.MISSING_FEATURE, null,
            "feature '" + check.name + "' in the record", "absent");
      }
    }
    if (record.featureNames().size() > cells) {
      for (String name : record.featureNames()) {
        if (!known.contains(name)) {
          findings = RecordFindings.add(findings, name, ViolationKind.UNEXPECTED_FEATURE,
              record.get(name),
              "only the spec's features", "feature '" + name + "' is not in the spec");
        }
      }
    }
    if (findings == null) {
      return validRecordReports[cells];
    }
    return new ValidationReport(1, cells, findings.violations());
  }

  /** Returns the number of example rows kept per violation. */
  public int maxExamples() {
    return maxExamples;
  }
}
