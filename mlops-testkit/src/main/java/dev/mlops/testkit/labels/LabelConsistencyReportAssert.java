package dev.mlops.testkit.labels;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.HumanLevelPerformance;
import dev.mlops.labels.LabelConsistencyReport;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link LabelConsistencyReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(LabelConsistencyReport)}:
 *
 * <pre>{@code
 * assertThat(report).hasKrippendorffAlphaAtLeast(0.8).hasHumanLevelPerformanceWithin(0.85, 0.95);
 * }</pre>
 *
 * <p>A floor is cleared only by a defined agreement: an undefined one fails with its reason. Not
 * thread-safe (one per assertion chain).
 */
public final class LabelConsistencyReportAssert
    extends AbstractAssert<LabelConsistencyReportAssert, LabelConsistencyReport> {

  /** Creates assertions on {@code actual}. */
  public LabelConsistencyReportAssert(LabelConsistencyReport actual) {
    super(actual, LabelConsistencyReportAssert.class);
  }

  /** Verifies that Krippendorff's alpha is defined and at least {@code floor}. */
  public LabelConsistencyReportAssert hasKrippendorffAlphaAtLeast(double floor) {
    isNotNull();
    return atLeast("Krippendorff's alpha", actual.krippendorffAlpha(), floor);
  }

  /** Verifies that Fleiss' kappa is defined and at least {@code floor}. */
  public LabelConsistencyReportAssert hasFleissKappaAtLeast(double floor) {
    isNotNull();
    return atLeast("Fleiss' kappa", actual.fleissKappa(), floor);
  }

  /** Verifies that the share of agreeing rating pairs is defined and at least {@code floor}. */
  public LabelConsistencyReportAssert hasPercentAgreementAtLeast(double floor) {
    isNotNull();
    return atLeast("percent agreement", actual.percentAgreement(), floor);
  }

  /**
   * Verifies that the human-level-performance estimate is defined and in {@code [low, high]}.
   *
   * @throws IllegalArgumentException if {@code low > high} or either is NaN
   */
  public LabelConsistencyReportAssert hasHumanLevelPerformanceWithin(double low, double high) {
    isNotNull();
    if (!(low <= high)) {
      throw new IllegalArgumentException("low " + low + " must be <= high " + high);
    }
    HumanLevelPerformance hlp = actual.hlp();
    if (hlp.undefinedReason().isPresent()) {
      failWithMessage("Expected human-level performance in [%s, %s] but it is undefined (%s)", low, high,
          hlp.undefinedReason().get());
    } else if (hlp.estimate() < low || hlp.estimate() > high) {
      failWithMessage("Expected human-level performance in [%s, %s] but it was %s (%s CI [%s, %s], %d comparisons)",
          low, high, hlp.estimate(), hlp.confidenceLevel(), hlp.ciLow(), hlp.ciHigh(), hlp.comparisons());
    }
    return this;
  }

  private LabelConsistencyReportAssert atLeast(String what, Agreement agreement, double floor) {
    if (Double.isNaN(floor)) {
      throw new IllegalArgumentException("the floor must be a number, was NaN");
    }
    if (agreement.undefinedReason().isPresent()) {
      failWithMessage("Expected %s at least %s but it is undefined (%s)", what, floor,
          agreement.undefinedReason().get());
    } else if (agreement.value() < floor) {
      failWithMessage("Expected %s at least %s but it was %s over %d items and %d annotators", what, floor,
          agreement.value(), actual.items(), actual.annotators());
    }
    return this;
  }
}
