package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.testkit.KitRunner;
import dev.mlops.data.Dataset;
import dev.mlops.drift.BatchDriftDetector;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import dev.mlops.testkit.drift.BatchDriftDetectorContractTest;
import org.junit.jupiter.api.Test;

/** The batch kit fails a detector that cries drift on every tested column. */
class BatchDriftDetectorKitTest {

  /** Marks every tested column drifted but keeps the real counts: wrong twice over. */
  static final class AlarmistDetector implements BatchDriftDetector {
    @Override
    public String name() {
      return "alarmist";
    }

    @Override
    public DriftReport detect(Dataset reference, Dataset current) {
      DriftReport real = StatisticalDriftDetector.defaults().detect(reference, current);
      return new DriftReport(real.datasetDrift(), real.driftShare(), real.driftedColumns(),
          real.columnsTested(), real.correction(), real.columns().stream().map(c -> c.status() == ColumnStatus.OK
              ? new ColumnDrift(c.name(), c.type(), c.test(), c.statistic(), c.pValue(), c.adjustedPValue(),
                  c.threshold(), true, c.referenceMissingRate(), c.currentMissingRate(), c.missingRatePValue(),
                  c.missingRateDrifted(), c.newCategories(), c.status(), c.reason())
              : c).toList());
    }
  }

  static class AlarmistKit extends BatchDriftDetectorContractTest {
    @Override
    protected BatchDriftDetector detector() {
      return new AlarmistDetector();
    }
  }

  @Test
  void failsADetectorThatFlagsUntouchedColumns() {
    KitRunner.Result result = KitRunner.run(AlarmistKit.class);
    assertThat(result.failures())
        .anySatisfy(f -> assertThat(f).startsWith("aDatasetDoesNotDriftFromItself()")
            .contains("Expected no drift but [label, segment, x1, x2] drifted"))
        .anySatisfy(f -> assertThat(f).startsWith("findsTheShiftedColumnAndNoUntouchedOne()")
            .contains("Expected drifted columns [x1] but they are [label, segment, x1, x2]"))
        .anySatisfy(f -> assertThat(f).startsWith("theCountsAgreeWithTheColumns()")
            .contains("driftedColumns"));
    assertThat(result.failed()).isEqualTo(3);
    assertThat(result.succeeded()).isEqualTo(2);
  }
}
