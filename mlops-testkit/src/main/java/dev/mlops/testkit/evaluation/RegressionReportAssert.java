package dev.mlops.testkit.evaluation;

import dev.mlops.evaluation.RegressionReport;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link RegressionReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(RegressionReport)}:
 *
 * <pre>{@code
 * assertThat(report).hasMaeAtMost(0.5).hasRmseAtMost(0.8).hasR2AtLeast(0.9);
 * }</pre>
 *
 * <p>Not thread-safe (one per assertion chain).
 */
public final class RegressionReportAssert extends AbstractAssert<RegressionReportAssert, RegressionReport> {

  /** Creates assertions on {@code actual}. */
  public RegressionReportAssert(RegressionReport actual) {
    super(actual, RegressionReportAssert.class);
  }

  /** Verifies that the mean absolute error is at most {@code ceiling}. */
  public RegressionReportAssert hasMaeAtMost(double ceiling) {
    return atMost("MAE", actual == null ? Double.NaN : actual.mae(), ceiling);
  }

  /** Verifies that the root mean squared error is at most {@code ceiling}. */
  public RegressionReportAssert hasRmseAtMost(double ceiling) {
    return atMost("RMSE", actual == null ? Double.NaN : actual.rmse(), ceiling);
  }

  /** Verifies that R² is defined and at least {@code floor}. */
  public RegressionReportAssert hasR2AtLeast(double floor) {
    isNotNull();
    Metrics.checkFloor(floor);
    if (!Metrics.atLeast(actual.r2(), floor)) {
      failWithMessage("Expected R² at least %s but it was %s over %d examples", floor, actual.r2(), actual.examples());
    }
    return this;
  }

  private RegressionReportAssert atMost(String what, double value, double ceiling) {
    isNotNull();
    if (Double.isNaN(ceiling)) {
      throw new IllegalArgumentException("the ceiling must be a number, was NaN");
    }
    if (!(value <= ceiling)) {
      failWithMessage("Expected %s at most %s but it was %s over %d examples", what, ceiling, value, actual.examples());
    }
    return this;
  }
}
