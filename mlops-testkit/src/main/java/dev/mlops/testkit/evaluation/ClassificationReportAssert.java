package dev.mlops.testkit.evaluation;

import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.MetricValue;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ClassificationReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(ClassificationReport)}:
 *
 * <pre>{@code
 * assertThat(report).hasAccuracyAtLeast(0.9).beatsTheMajorityClass()
 *     .hasF1For("churn").atLeast(0.7);
 * }</pre>
 *
 * <p>A floor is cleared only by a defined metric: an undefined one, or the substitute of a zero
 * division, fails with its reason. Not thread-safe (one per assertion chain).
 */
public final class ClassificationReportAssert
    extends AbstractAssert<ClassificationReportAssert, ClassificationReport> {

  /** Creates assertions on {@code actual}. */
  public ClassificationReportAssert(ClassificationReport actual) {
    super(actual, ClassificationReportAssert.class);
  }

  /** Verifies that the accuracy is at least {@code floor}. */
  public ClassificationReportAssert hasAccuracyAtLeast(double floor) {
    isNotNull();
    Metrics.checkFloor(floor);
    if (!(actual.accuracy() >= floor)) {
      failWithMessage("Expected accuracy at least %s but it was %s over %d examples",
          floor, actual.accuracy(), actual.examples());
    }
    return this;
  }

  /** Verifies that the accuracy is above that of always predicting the most frequent class. */
  public ClassificationReportAssert beatsTheMajorityClass() {
    isNotNull();
    if (!(actual.accuracy() > actual.majorityClassAccuracy())) {
      failWithMessage("Expected accuracy above the majority-class baseline %s but it was %s",
          actual.majorityClassAccuracy(), actual.accuracy());
    }
    return this;
  }

  /** Verifies that the macro-averaged F1 is at least {@code floor}. */
  public ClassificationReportAssert hasMacroF1AtLeast(double floor) {
    isNotNull();
    check("macro F1", actual.macro().f1(), floor);
    return this;
  }

  /** Starts a floor on the precision of class {@code label}. */
  public Floor hasPrecisionFor(String label) {
    return new Floor("precision of '" + label + "'", classMetrics(label).precision());
  }

  /** Starts a floor on the recall of class {@code label}. */
  public Floor hasRecallFor(String label) {
    return new Floor("recall of '" + label + "'", classMetrics(label).recall());
  }

  /** Starts a floor on the F1 of class {@code label}. */
  public Floor hasF1For(String label) {
    return new Floor("F1 of '" + label + "'", classMetrics(label).f1());
  }

  private ClassMetrics classMetrics(String label) {
    isNotNull();
    Optional<ClassMetrics> c = actual.perClass().stream().filter(m -> m.label().equals(label)).findFirst();
    if (c.isEmpty()) {
      failWithMessage("Expected the report to have class '%s' but its classes are %s", label, actual.labels());
    }
    return c.orElseThrow();
  }

  private void check(String what, MetricValue metric, double floor) {
    Metrics.checkFloor(floor);
    if (!Metrics.atLeast(metric, floor)) {
      failWithMessage("Expected %s at least %s but it was %s", what, floor, metric);
    }
  }

  /** The second half of a per-class check. Not thread-safe. */
  public final class Floor {
    private final String what;
    private final MetricValue metric;

    private Floor(String what, MetricValue metric) {
      this.what = what;
      this.metric = metric;
    }

    /** Verifies that the metric is defined and at least {@code floor}. */
    public ClassificationReportAssert atLeast(double floor) {
      check(what, metric, floor);
      return ClassificationReportAssert.this;
    }
  }
}
