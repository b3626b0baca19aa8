package dev.mlops.core.labels;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.labels.Annotation;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testkit's label assertions read reports of the SDK's own checker as a host would. */
class TestkitLabelAssertionsTest {
  private final DefaultLabelConsistencyChecker checker = DefaultLabelConsistencyChecker.create();

  @Test
  void fleissDiagnosesClearAKappaFloorOf043AndNoHigher() {
    // Fleiss (1971): kappa 0.430 over 30 patients rated by 6 psychiatrists.
    LabelConsistencyReport report = checker.check(
        Fixtures.fromItemRows(Fixtures.FLEISS_1971_DIAGNOSES), MeasurementLevel.NOMINAL);
    assertThat(report).hasFleissKappaAtLeast(0.43);
    assertThatThrownBy(() -> assertThat(report).hasFleissKappaAtLeast(0.5))
        .hasMessageContaining("Expected Fleiss' kappa at least 0.5 but it was 0.4302445200601")
        .hasMessageContaining("over 30 items and 6 annotators");
  }

  @Test
  void humanLevelPerformanceAndAnUndefinedAlpha() {
    // Leave-one-out: 3 of 5 comparisons agree (see DefaultLabelConsistencyCheckerTest).
    LabelConsistencyReport report = checker.check(List.of(Annotation.of("x", "a", "1"), Annotation.of("x", "b", "1"),
        Annotation.of("x", "c", "2"), Annotation.of("y", "a", "1"), Annotation.of("y", "b", "1")),
        MeasurementLevel.NOMINAL);
    assertThat(report).hasHumanLevelPerformanceWithin(0.6, 0.6);
    assertThatThrownBy(() -> assertThat(report).hasHumanLevelPerformanceWithin(0.7, 1))
        .hasMessageContaining("Expected human-level performance in [0.7, 1.0] but it was 0.6");
    LabelConsistencyReport solo = checker.check(List.of(Annotation.of("x", "solo", "1"),
        Annotation.of("y", "solo", "2")), MeasurementLevel.NOMINAL);
    assertThatThrownBy(() -> assertThat(solo).hasKrippendorffAlphaAtLeast(0))
        .hasMessageContaining("Expected Krippendorff's alpha at least 0.0 but it is undefined (");
  }
}
