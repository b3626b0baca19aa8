package dev.mlops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.MlopsException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DriftSignalTest {

  @Test
  void delayTellsSuddenFromGradualChange() {
    DriftSignal sudden = new DriftSignal(
        DriftState.DRIFT, 1005, OptionalLong.of(1003), OptionalLong.of(1000), 3.2, 3.0);
    DriftSignal gradual = new DriftSignal(
        DriftState.DRIFT, 1800, OptionalLong.of(1300), OptionalLong.of(1000), 3.2, 3.0);
    assertThat(sudden.delay()).hasValue(5);
    assertThat(gradual.delay()).hasValue(800);
    assertThat(DriftSignal.none(7, 0.1, 3.0).delay()).isEmpty();
  }

  @Test
  void rejectsInconsistentIndicesNamingTheField() {
    assertThatThrownBy(() -> DriftSignal.none(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must be >= 0, was -1");
    assertThatThrownBy(() -> new DriftSignal(
            DriftState.WARNING, 5, OptionalLong.of(6), OptionalLong.empty(), 0, 0))
        .hasMessage("warningStart must be in [0, index=5], was 6");
    assertThatThrownBy(() -> new DriftSignal(
            DriftState.NONE, 5, OptionalLong.empty(), OptionalLong.of(2), 0, 0))
        .hasMessage("changeStart must be empty when the state is NONE, was 2");
  }

  @Test
  void snapshotChecksItsHeader() {
    assertThatThrownBy(() -> new DetectorSnapshot(" ", 1, "{}"))
        .hasMessage("detectorType must not be blank");
    assertThatThrownBy(() -> new DetectorSnapshot("adwin", 0, "{}"))
        .hasMessage("formatVersion must be >= 1, was 0");
    SnapshotException e = new SnapshotException("detectorType", "'adwin'", "'ddm'");
    assertThat(e).isInstanceOf(MlopsException.class)
        .hasMessage("cannot restore detector snapshot: detectorType expected 'adwin', was 'ddm'");
    assertThat(e.field()).isEqualTo("detectorType");
  }
}
