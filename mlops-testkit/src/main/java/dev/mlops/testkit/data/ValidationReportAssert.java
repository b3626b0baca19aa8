package dev.mlops.testkit.data;

import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ValidationReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(ValidationReport)}. Not thread-safe.
 */
public final class ValidationReportAssert
    extends AbstractAssert<ValidationReportAssert, ValidationReport> {

  /** Creates assertions on {@code actual}. */
  public ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /** Verifies that no rule was broken, listing the violations otherwise. */
  public ValidationReportAssert isValid() {
    isNotNull();
    if (!actual.valid()) {
      failWithMessage("Expected no violations but found %d:%n%s",
          actual.violations().size(), describe(actual.violations()));
    }
    return this;
  }

  /**
   * Verifies that a feature has a violation of a kind at exactly these example rows (in order).
   */
  public ValidationReportAssert hasViolation(String feature, ViolationKind kind, long... rows) {
    isNotNull();
    List<Long> expectedRows = java.util.Arrays.stream(rows).boxed().toList();
    boolean found = actual.violations().stream()
        .anyMatch(v -> v.feature().equals(feature) && v.kind() == kind
            && (rows.length == 0 || v.exampleRows().equals(expectedRows)));
    if (!found) {
      failWithMessage("Expected a %s violation of '%s'%s but found:%n%s",
          kind, feature, rows.length == 0 ? "" : " at rows " + expectedRows,
          describe(actual.violations()));
    }
    return this;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      sb.append("  ").append(v.feature()).append(' ').append(v.kind())
          .append(" x").append(v.count()).append(" rows ").append(v.exampleRows())
          .append(" expected ").append(v.expected()).append(", actual ").append(v.actual())
          .append(System.lineSeparator());
    }
    return sb.length() == 0 ? "  (none)" : sb.toString();
  }
}
