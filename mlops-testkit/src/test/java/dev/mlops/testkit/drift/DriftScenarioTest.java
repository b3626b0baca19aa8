package dev.mlops.testkit.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Each scenario's data show the change its ground truth announces, where it announces it. Bounds
 * are several standard errors wide (1000 rows: a mean's standard error is about 0.03).
 */
class DriftScenarioTest {

  private static double mean(double[] v, int from, int to) {
    return Arrays.stream(v, from, to).filter(x -> !Double.isNaN(x)).average().orElseThrow();
  }

  private static double positiveShare(Dataset d, int from, int to) {
    CategoricalColumn label = d.categorical(DriftScenario.LABEL);
    int n = 0;
    for (int i = from; i < to; i++) {
      n += label.value(i).equals("1") ? 1 : 0;
    }
    return (double) n / (to - from);
  }

  @Test
  void theControlHasNoChange() {
    DriftScenario s = DriftScenario.builder(1).build();
    assertThat(s.truth().kind()).isEqualTo(DriftKind.NONE);
    double[] x1 = s.stream("x1");
    assertThat(mean(x1, 0, 1000)).isCloseTo(0, within(0.15));
    assertThat(mean(x1, 1000, 2000)).isCloseTo(0, within(0.15));
    assertThat(positiveShare(s.data(), 0, 2000)).isCloseTo(0.5, within(0.05));
  }

  @Test
  void aSuddenShiftMovesTheMeanAtTheChangeIndex() {
    DriftScenario s = DriftScenario.builder(2).covariateShift("x1", 2.0).build();
    DriftTruth t = s.truth();
    assertThat(t).isEqualTo(new DriftTruth(DriftKind.COVARIATE, ChangePattern.SUDDEN,
        java.util.List.of("x1"), 1000, 1000, OptionalInt.empty(), Instant.parse("2026-01-01T16:40:00Z")));
    double[] x1 = s.stream("x1");
    assertThat(mean(x1, 0, 1000)).isCloseTo(0, within(0.15));
    assertThat(mean(x1, 1000, 2000)).isCloseTo(2, within(0.15));
    assertThat(mean(s.stream("x2"), 1000, 2000)).isCloseTo(0, within(0.15));
    // The labelling rule stays, so the label follows x1 up.
    assertThat(positiveShare(s.data(), 1000, 2000)).isGreaterThan(0.75);
  }

  @Test
  void gradualAndIncrementalShiftsReachTheNewMeanAtTheFullEffectIndex() {
    for (ChangePattern p : new ChangePattern[] {ChangePattern.GRADUAL, ChangePattern.INCREMENTAL}) {
      DriftScenario s = DriftScenario.builder(3).rows(3000).changeAt(1000).covariateShift("x2", 3, p, 1000).build();
      assertThat(s.truth().fullEffectIndex()).isEqualTo(2000);
      double[] x2 = s.stream("x2");
      assertThat(mean(x2, 0, 1000)).as("%s before", p).isCloseTo(0, within(0.15));
      assertThat(mean(x2, 1000, 2000)).as("%s during", p).isCloseTo(1.5, within(0.2));
      assertThat(mean(x2, 2000, 3000)).as("%s after", p).isCloseTo(3, within(0.15));
      assertThat(s.after().rowCount()).isEqualTo(1000);
    }
  }

  @Test
  void aRecurringShiftAlternatesByPeriod() {
    DriftScenario s = DriftScenario.builder(4).rows(3000).changeAt(1000)
        .covariateShift("x1", 2, ChangePattern.RECURRING, 500).build();
    double[] x1 = s.stream("x1");
    assertThat(mean(x1, 1000, 1500)).isCloseTo(2, within(0.2));
    assertThat(mean(x1, 1500, 2000)).isCloseTo(0, within(0.2));
    assertThat(mean(x1, 2000, 2500)).isCloseTo(2, within(0.2));
  }

  @Test
  void aPriorShiftChangesTheLabelShareAndMovesTheFeaturesWithIt() {
    DriftScenario s = DriftScenario.builder(5).priorShift(0.8).build();
    assertThat(positiveShare(s.data(), 0, 1000)).isCloseTo(0.5, within(0.06));
    assertThat(positiveShare(s.data(), 1000, 2000)).isCloseTo(0.8, within(0.05));
    assertThat(s.truth().features()).isEmpty();
  }

  @Test
  void aConceptShiftKeepsTheInputsAndBreaksTheOldRule() {
    DriftScenario s = DriftScenario.builder(6).conceptShift().build();
    double[] x1 = s.stream("x1");
    assertThat(mean(x1, 1000, 2000)).isCloseTo(0, within(0.15));
    double[] errors = s.errors(s.referenceRule());
    assertThat(mean(errors, 0, 1000)).isBetween(0.1, 0.25);
    assertThat(mean(errors, 1000, 2000)).isCloseTo(0.5, within(0.06));
  }

  @Test
  void aMissingBurstIsConfinedToItsRows() {
    DriftScenario s = DriftScenario.builder(7).missingBurst("x2", 200, 0.5).build();
    assertThat(s.truth().endIndex()).hasValue(1200);
    double[] x2 = s.stream("x2");
    long before = Arrays.stream(x2, 0, 1000).filter(Double::isNaN).count();
    long during = Arrays.stream(x2, 1000, 1200).filter(Double::isNaN).count();
    long after = Arrays.stream(x2, 1200, 2000).filter(Double::isNaN).count();
    assertThat(before).isZero();
    assertThat(after).isZero();
    assertThat(during).isBetween(70L, 130L);
    assertThat(s.after().rowCount()).isEqualTo(200);
  }

  @Test
  void aNewCategoryAppearsOnlyAfterTheChange() {
    DriftScenario s = DriftScenario.builder(8).newCategory("d", 0.3).build();
    assertThat(s.before().categorical(DriftScenario.SEGMENT).categories()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(s.after().categorical(DriftScenario.SEGMENT).categories()).contains("d");
    assertThat(s.reference(500).categorical(DriftScenario.SEGMENT).categories()).doesNotContain("d");
  }

  @Test
  void theSameSeedGivesTheSameRowsAndTheReferenceIsAnotherSample() {
    DriftScenario a = DriftScenario.builder(9).covariateShift("x1", 1).build();
    DriftScenario b = DriftScenario.builder(9).covariateShift("x1", 1).build();
    assertThat(a.data()).isEqualTo(b.data());
    assertThat(a.reference(1000)).isNotEqualTo(a.before());
    // Fixed values, so a change in the generator is seen: the first x1 of seed 9.
    assertThat(a.stream("x1")[0]).isEqualTo(b.stream("x1")[0]);
    assertThat(a.timeOf(3)).isEqualTo(Instant.parse("2026-01-01T00:03:00Z"));
    assertThat(DriftScenario.builder(9).interval(Duration.ofSeconds(5)).build().timeOf(3))
        .isEqualTo(Instant.parse("2026-01-01T00:00:15Z"));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> DriftScenario.builder(1).covariateShift("segment", 1))
        .hasMessageContaining("the numeric features are x1 and x2, was 'segment'");
    assertThatThrownBy(() -> DriftScenario.builder(1).conceptShift().priorShift(0.3))
        .hasMessageContaining("a scenario has one change; CONCEPT is already chosen");
    assertThatThrownBy(() -> DriftScenario.builder(1).rows(100).changeAt(100).build())
        .hasMessageContaining("changeAt must be below rows=100, was 100");
    assertThatThrownBy(() -> DriftScenario.builder(1).newCategory("a", 0.1))
        .hasMessageContaining("category 'a' is not new");
  }
}
