package dev.mlops.testkit.drift;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DriftAssertionsTest {

  private static ColumnDrift column(String name, boolean drifted) {
    return new ColumnDrift(name, "numeric", "ks", 0.3, OptionalDouble.of(drifted ? 0.001 : 0.4),
        OptionalDouble.empty(), 0.05, drifted, 0, 0, OptionalDouble.empty(), false, List.of(),
        ColumnStatus.OK, Optional.empty());
  }

  private final DriftReport report = new DriftReport(false, 0.5, 1, 3, Correction.NONE,
      List.of(column("x1", true), column("x2", false), column("x3", false)));

  @Test
  void driftReportAssertionsSayWhichColumnsDrifted() {
    assertThat(report).driftedColumns("x1").columnIsStable("x2");
    assertThatThrownBy(() -> assertThat(report).hasNoDrift())
        .hasMessageContaining("Expected no drift but [x1] drifted").hasMessageContaining("x1 ks statistic 0.3 p 0.001");
    assertThatThrownBy(() -> assertThat(report).hasDatasetDrift())
        .hasMessageContaining("Expected dataset drift but 1 of 3 tested columns drifted (share needed 0.5)");
    assertThatThrownBy(() -> assertThat(report).driftedColumns("x2"))
        .hasMessageContaining("Expected drifted columns [x2] but they are [x1]");
    assertThatThrownBy(() -> assertThat(report).columnIsStable("y"))
        .hasMessageContaining("Expected the report to have column 'y' but it has [x1, x2, x3]");
  }

  /** Drifts from a fixed index on: a scripted detector for the assertion's own checks. */
  static final class DriftsAt implements StreamingDriftDetector {
    private final long at;
    private long count;

    DriftsAt(long at) {
      this.at = at;
    }

    @Override
    public String name() {
      return "drifts-at-" + at;
    }

    @Override
    public DriftState add(double value) {
      count++;
      return state();
    }

    @Override
    public DriftSignal lastSignal() {
      long i = count - 1;
      return state() == DriftState.DRIFT
          ? new DriftSignal(DriftState.DRIFT, i, java.util.OptionalLong.empty(), java.util.OptionalLong.of(at), 1, 0.5)
          : DriftSignal.none(i, 0, 0.5);
    }

    @Override
    public DriftState state() {
      return count > at ? DriftState.DRIFT : DriftState.NONE;
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public void reset() {
      count = 0;
    }

    @Override
    public DetectorSnapshot snapshot() {
      throw new UnsupportedOperationException("not needed by these tests");
    }
  }

  @Test
  void streamingAssertionsTellAMissFromAFalseAlarm() {
    double[] stream = new double[100];
    assertThat(new DriftsAt(55)).fedWith(stream).detectsWithin(10).of(50);
    assertThatThrownBy(() -> assertThat(new DriftsAt(70)).fedWith(stream).detectsWithin(10).of(50))
        .hasMessageContaining("to drift within 10 values of index 50 but it first drifted at 70, 20 values after the change");
    assertThatThrownBy(() -> assertThat(new DriftsAt(30)).fedWith(stream).detectsWithin(10).of(50))
        .hasMessageContaining("not to drift before index 50 but it drifted at 30").hasMessageContaining("a false alarm");
    assertThatThrownBy(() -> assertThat(new DriftsAt(200)).fedWith(stream).detectsWithin(10).of(50))
        .hasMessageContaining("but it never drifted in 100 values");
    assertThat(new DriftsAt(200)).fedWith(stream).neverDrifts();
    assertThatThrownBy(() -> assertThat(new DriftsAt(5)).detectsWithin(1).of(0))
        .hasMessageContaining("Feed the detector first");
  }
}
