package dev.mlops.core.drift.streaming;

import static dev.mlops.testkit.MlopsAssertions.assertThat;

import dev.mlops.testkit.drift.DriftScenario;
import org.junit.jupiter.api.Test;

/**
 * A streaming detector on the scenarios' streams flags the change within its delay of the ground
 * truth's change index. The fixture's delay: its window of 50 must move past half the shift.
 */
class DriftScenarioStreamingTest {
  private static final int WINDOW = 50;

  @Test
  void aSuddenFeatureShiftIsFlaggedWithinAWindow() {
    DriftScenario s = DriftScenario.builder(21).covariateShift("x1", 2.0).build();
    assertThat(new MeanShiftDetector(WINDOW, 1.0)).fedWith(s.stream("x1"))
        .detectsWithin(WINDOW).of(s.truth().changeIndex());
  }

  @Test
  void aConceptShiftIsFlaggedOnTheOldRulesErrors() {
    DriftScenario s = DriftScenario.builder(22).conceptShift().build();
    assertThat(new MeanShiftDetector(WINDOW, 0.2)).fedWith(s.errors(s.referenceRule()))
        .detectsWithin(2L * WINDOW).of(s.truth().changeIndex());
  }

  @Test
  void theControlStreamIsNeverFlagged() {
    DriftScenario s = DriftScenario.builder(23).build();
    assertThat(new MeanShiftDetector(WINDOW, 1.0)).fedWith(s.stream("x1")).neverDrifts();
  }
}
