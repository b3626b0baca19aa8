package dev.mlops.testkit.drift;

import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a batch {@link DriftReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(DriftReport)}:
 *
 * <pre>{@code
 * assertThat(report).hasDatasetDrift().driftedColumns("x1");
 * assertThat(controlReport).hasNoDrift();
 * }</pre>
 *
 * <p>Not thread-safe (one per assertion chain).
 */
public final class DriftReportAssert extends AbstractAssert<DriftReportAssert, DriftReport> {

  /** Creates assertions on {@code actual}. */
  public DriftReportAssert(DriftReport actual) {
    super(actual, DriftReportAssert.class);
  }

  /** Verifies that no column drifted and the dataset did not. */
  public DriftReportAssert hasNoDrift() {
    isNotNull();
    if (actual.datasetDrift() || !drifted().isEmpty()) {
      failWithMessage("Expected no drift but %s drifted (dataset drift: %s)%n%s",
          drifted(), actual.datasetDrift(), describe());
    }
    return this;
  }

  /** Verifies that the report flags dataset drift. */
  public DriftReportAssert hasDatasetDrift() {
    isNotNull();
    if (!actual.datasetDrift()) {
      failWithMessage("Expected dataset drift but %d of %d tested columns drifted (share needed %s)%n%s",
          actual.driftedColumns(), actual.columnsTested(), actual.driftShare(), describe());
    }
    return this;
  }

  /** Verifies that exactly these columns drifted, in any order. */
  public DriftReportAssert driftedColumns(String... expected) {
    isNotNull();
    Set<String> want = new TreeSet<>(List.of(expected));
    if (!drifted().equals(want)) {
      failWithMessage("Expected drifted columns %s but they are %s%n%s", want, drifted(), describe());
    }
    return this;
  }

  /** Verifies that a column was tested and did not drift. */
  public DriftReportAssert columnIsStable(String column) {
    ColumnDrift c = column(column);
    if (c.status() != ColumnStatus.OK || c.drifted()) {
      failWithMessage("Expected column '%s' to be tested and stable but it is %s%s%n%s", column,
          c.status(), c.drifted() ? ", drifted" : "", describe());
    }
    return this;
  }

  /** Verifies that a column was skipped with a reason containing {@code reasonPart}. */
  public DriftReportAssert columnSkipped(String column, String reasonPart) {
    ColumnDrift c = column(column);
    if (c.status() != ColumnStatus.SKIPPED || !c.reason().orElse("").contains(reasonPart)) {
      failWithMessage("Expected column '%s' to be skipped because of '%s' but it is %s (%s)",
          column, reasonPart, c.status(), c.reason().orElse("no reason"));
    }
    return this;
  }

  private ColumnDrift column(String name) {
    isNotNull();
    Optional<ColumnDrift> c = actual.columns().stream().filter(d -> d.name().equals(name)).findFirst();
    if (c.isEmpty()) {
      failWithMessage("Expected the report to have column '%s' but it has %s", name,
          actual.columns().stream().map(ColumnDrift::name).toList());
    }
    return c.orElseThrow();
  }

  private Set<String> drifted() {
    Set<String> out = new TreeSet<>();
    actual.columns().stream().filter(ColumnDrift::drifted).forEach(c -> out.add(c.name()));
    return out;
  }

  private String describe() {
    StringBuilder sb = new StringBuilder();
    for (ColumnDrift c : actual.columns()) {
      sb.append("  ").append(c.name()).append(' ').append(c.test()).append(' ')
          .append(c.status() == ColumnStatus.SKIPPED ? "skipped: " + c.reason().orElse("") :
              "statistic " + c.statistic() + (c.pValue().isPresent() ? " p " + c.pValue().getAsDouble() : "")
                  + " threshold " + c.threshold() + (c.drifted() ? " DRIFTED" : ""))
          .append(System.lineSeparator());
    }
    return sb.toString();
  }
}
