package dev.mlops.testkit.drift;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeBatchDriftDetectorTest {
  private static final Dataset REFERENCE = Dataset.of(NumericColumn.of("x1", new double[] {1, 2, Double.NaN}),
      NumericColumn.of("x2", new double[] {1, 2, 3}), CategoricalColumn.of("city", List.of("Oslo", "Oslo", "Bergen")));

  @Test
  void withoutRulesAColumnDriftsExactlyWhenItsValuesChanged() {
    Dataset current = REFERENCE.withColumn(NumericColumn.of("x1", new double[] {1, 2, 3}))
        .withColumn(CategoricalColumn.of("city", List.of("Oslo", "Tromsø", "Bergen")));
    DriftReport report = FakeBatchDriftDetector.builder().build().detect(REFERENCE, current);
    assertThat(report).hasDatasetDrift().driftedColumns("x1", "city").columnIsStable("x2");
    ColumnDrift x1 = report.columns().get(0);
    assertThat(x1.test()).isEqualTo(FakeBatchDriftDetector.TEST);
    assertThat(x1.referenceMissingRate()).isEqualTo(1 / 3.0);
    assertThat(x1.currentMissingRate()).isZero();
    assertThat(x1.missingRateDrifted()).isTrue();
    assertThat(report.columns().get(2).newCategories()).containsExactly("Tromsø");
    assertThat(FakeBatchDriftDetector.builder().driftShare(1).build().detect(REFERENCE, current).datasetDrift())
        .as("2 of 3 columns under a share of 1").isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> FakeBatchDriftDetector.builder().driftShare(0))
        .withMessage("driftShare must be in (0, 1], was 0.0");
  }

  @Test
  void theFirstMatchingRuleAnswersAndEveryCallIsRecorded() {
    DriftReport scripted = new DriftReport(true, 0.5, 0, 0, Correction.NONE, List.of());
    FakeBatchDriftDetector detector = FakeBatchDriftDetector.builder()
        .when((reference, current) -> current.rowCount() < 3).thenReport(scripted).build();
    Dataset small = REFERENCE.selectRows(new int[] {0});
    assertThat(detector.detect(REFERENCE, small)).isSameAs(scripted);
    assertThat(detector.detect(REFERENCE, REFERENCE)).hasNoDrift();
    assertThat(detector.calls()).containsExactly(new FakeBatchDriftDetector.Call(REFERENCE, small),
        new FakeBatchDriftDetector.Call(REFERENCE, REFERENCE));
    assertThat(detector.name()).isEqualTo("fake");
  }
}
