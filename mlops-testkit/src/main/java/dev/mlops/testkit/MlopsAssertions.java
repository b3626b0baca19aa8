package dev.mlops.testkit;

import dev.mlops.data.Dataset;
import dev.mlops.data.ValidationReport;
import dev.mlops.testkit.data.DatasetAssert;
import dev.mlops.testkit.data.ValidationReportAssert;

/**
 * AssertJ entry points for SDK values: {@code import static
 * dev.mlops.testkit.MlopsAssertions.assertThat;}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MlopsAssertions {
  private MlopsAssertions() {}

  /** Starts assertions on a dataset. */
  public static DatasetAssert assertThat(Dataset actual) {
    return new DatasetAssert(actual);
  }

  /** Starts assertions on a validation report. */
  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }
}
