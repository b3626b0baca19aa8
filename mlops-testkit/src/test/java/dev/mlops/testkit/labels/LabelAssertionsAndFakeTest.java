package dev.mlops.testkit.labels;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.HumanLevelPerformance;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.ModelComparison;
import dev.mlops.labels.SliceComparison;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelAssertionsAndFakeTest {
  static LabelConsistencyReport report(Agreement alpha, HumanLevelPerformance hlp) {
    return new LabelConsistencyReport(MeasurementLevel.NOMINAL, 40, 3, 120, Agreement.of(0.9), alpha,
        Agreement.of(0.7), Agreement.undefined("more than two annotators"), List.of(), List.of(), hlp, List.of(),
        List.of(), List.of(), List.of());
  }

  private static final HumanLevelPerformance HLP =
      new HumanLevelPerformance(0.88, 0.82, 0.93, 0.95, 120, Optional.empty());
  private static final LabelConsistencyReport GOOD = report(Agreement.of(0.81), HLP);

  @Test
  void agreementFloorsAndTheHumanLevelRange() {
    assertThat(GOOD).hasKrippendorffAlphaAtLeast(0.8).hasFleissKappaAtLeast(0.7).hasPercentAgreementAtLeast(0.9)
        .hasHumanLevelPerformanceWithin(0.85, 0.9);
    assertThatThrownBy(() -> assertThat(GOOD).hasKrippendorffAlphaAtLeast(0.9))
        .hasMessageContaining("Expected Krippendorff's alpha at least 0.9 but it was 0.81 over 40 items and 3 annotators");
    assertThatThrownBy(() -> assertThat(GOOD).hasFleissKappaAtLeast(0.75))
        .hasMessageContaining("Expected Fleiss' kappa at least 0.75 but it was 0.7");
    assertThatThrownBy(() -> assertThat(GOOD).hasPercentAgreementAtLeast(0.95))
        .hasMessageContaining("Expected percent agreement at least 0.95 but it was 0.9");
    assertThatThrownBy(() -> assertThat(GOOD).hasHumanLevelPerformanceWithin(0.9, 1.0))
        .hasMessageContaining("Expected human-level performance in [0.9, 1.0] but it was 0.88 (0.95 CI [0.82, 0.93], 120 comparisons)");
    assertThatIllegalArgumentException().isThrownBy(() -> assertThat(GOOD).hasHumanLevelPerformanceWithin(0.9, 0.8));
  }

  @Test
  void undefinedValuesFailWithTheirReason() {
    LabelConsistencyReport undefined = report(Agreement.undefined("one category only"),
        new HumanLevelPerformance(Double.NaN, Double.NaN, Double.NaN, 0.95, 0, Optional.of("one annotator per item")));
    assertThatThrownBy(() -> assertThat(undefined).hasKrippendorffAlphaAtLeast(0))
        .hasMessageContaining("Expected Krippendorff's alpha at least 0.0 but it is undefined (one category only)");
    assertThatThrownBy(() -> assertThat(undefined).hasHumanLevelPerformanceWithin(0, 1))
        .hasMessageContaining("but it is undefined (one annotator per item)");
  }

  @Test
  void theFakeCheckerAnswersByRuleRecordsItsCallsAndNeverMakesAnAnswerUp() {
    LabelConsistencyReport poor = report(Agreement.of(0.2), HLP);
    ModelComparison comparison = new ModelComparison(
        new SliceComparison("overall", 40, 0.9, 0.88), List.of(), 0);
    FakeLabelConsistencyChecker checker = FakeLabelConsistencyChecker.builder()
        .when(a -> a.stream().anyMatch(x -> x.annotatorId().equals("spammer"))).thenReport(poor)
        .when(List::isEmpty).thenReject("no annotations to analyse")
        .otherwise(GOOD).comparison(comparison).build();
    List<Annotation> clean = List.of(Annotation.of("i1", "ann", "cat"), Annotation.of("i1", "bob", "cat"));
    List<Annotation> spammed = List.of(Annotation.of("i1", "spammer", "dog"));

    assertThat(checker.check(clean, MeasurementLevel.NOMINAL)).isSameAs(GOOD);
    assertThat(checker.check(spammed, MeasurementLevel.ORDINAL)).isSameAs(poor);
    assertThatIllegalArgumentException().isThrownBy(() -> checker.check(List.of(), MeasurementLevel.NOMINAL))
        .withMessage("no annotations to analyse");
    assertThat(checker.compareModel(clean, MeasurementLevel.NOMINAL, Map.of("i1", "cat"), Map.of()))
        .isSameAs(comparison);
    assertThat(checker.checks()).containsExactly(new FakeLabelConsistencyChecker.Check(clean, MeasurementLevel.NOMINAL),
        new FakeLabelConsistencyChecker.Check(spammed, MeasurementLevel.ORDINAL),
        new FakeLabelConsistencyChecker.Check(List.of(), MeasurementLevel.NOMINAL));
    assertThat(checker.comparisons()).singleElement()
        .satisfies(c -> assertThat(c.predictions()).containsExactly(Map.entry("i1", "cat")));

    FakeLabelConsistencyChecker unscripted = FakeLabelConsistencyChecker.builder().build();
    assertThatIllegalStateException().isThrownBy(() -> unscripted.check(clean, MeasurementLevel.NOMINAL))
        .withMessageContaining("no rule of the fake label checker matches these 2 annotations");
    assertThatIllegalStateException()
        .isThrownBy(() -> unscripted.compareModel(clean, MeasurementLevel.NOMINAL, Map.of(), Map.of()))
        .withMessageContaining("has no comparison(...)");
  }
}
