package dev.mlops.core.drift;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.DriftReport;
import dev.mlops.testkit.drift.ChangePattern;
import dev.mlops.testkit.drift.DriftScenario;
import org.junit.jupiter.api.Test;

/**
 * The testkit's drift scenarios against the SDK's batch detector: what each scenario's ground
 * truth announces is what the detector sees, and nothing else. The default tests (p-value tests
 * at these sample sizes) run at a 0.1 % level rather than 5 %, so that the many "does not drift"
 * checks here are not one chance false alarm in twenty each.
 */
class DriftScenarioGroundTruthTest {
  private static final StatisticalDriftDetector DETECTOR =
      StatisticalDriftDetector.of(BatchDriftConfig.builder().threshold(0.001).missingRateAlpha(0.001).build());

  private static DriftReport compare(DriftScenario s) {
    return DETECTOR.detect(s.reference(1000), s.after());
  }

  private static ColumnDrift column(DriftReport r, String name) {
    return r.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theControlDoesNotDrift() {
    DriftScenario s = DriftScenario.builder(11).build();
    assertThat(DETECTOR.detect(s.reference(1000), s.data())).hasNoDrift();
  }

  @Test
  void covariateShiftsDriftTheShiftedFeatureAndTheLabelThatFollowsIt() {
    for (ChangePattern p : ChangePattern.values()) {
      DriftScenario s = DriftScenario.builder(12).rows(3000).changeAt(1000)
          .covariateShift("x1", 1.0, p, 500).build();
      DriftReport report = DETECTOR.detect(s.reference(1000), s.after());
      assertThat(column(report, "x1").drifted()).as("%s: x1", p).isTrue();
      assertThat(column(report, "x2").drifted()).as("%s: x2", p).isFalse();
      assertThat(column(report, "segment").drifted()).as("%s: segment", p).isFalse();
      DriftReport before = DETECTOR.detect(s.reference(1000), s.before());
      assertThat(before).as("%s before the change", p).hasNoDrift();
    }
  }

  @Test
  void aPriorShiftDriftsTheLabel() {
    DriftReport report = compare(DriftScenario.builder(13).priorShift(0.8).build());
    assertThat(column(report, "label").drifted()).isTrue();
    assertThat(column(report, "segment").drifted()).isFalse();
  }

  @Test
  void aConceptShiftIsInvisibleToABatchComparisonOfTheColumns() {
    // Same inputs, same label share: only the rule linking them changed. Error streams see it.
    assertThat(compare(DriftScenario.builder(14).conceptShift().build())).hasNoDrift();
  }

  @Test
  void aMissingBurstRaisesTheMissingRateOfItsFeatureOnly() {
    DriftReport report = compare(DriftScenario.builder(15).missingBurst("x2", 400, 0.3).build());
    assertThat(column(report, "x2").missingRateDrifted()).isTrue();
    assertThat(column(report, "x2").currentMissingRate()).isBetween(0.2, 0.4);
    assertThat(column(report, "x1").missingRateDrifted()).isFalse();
  }

  @Test
  void aNewCategoryIsReportedAndDriftsItsFeature() {
    DriftReport report = compare(DriftScenario.builder(16).newCategory("d", 0.3).build());
    assertThat(column(report, "segment").newCategories()).containsExactly("d");
    assertThat(report).driftedColumns("segment");
  }
}
