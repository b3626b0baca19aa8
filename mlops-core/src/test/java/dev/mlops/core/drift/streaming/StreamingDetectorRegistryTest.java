package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.SnapshotException;
import org.junit.jupiter.api.Test;

class StreamingDetectorRegistryTest {
  private final StreamingDetectorRegistry registry = StreamingDetectorRegistry.builder()
      .register(MeanShiftDetector.TYPE, MeanShiftDetector.FORMAT_VERSION, MeanShiftDetector::restore)
      .build();

  private static MeanShiftDetector fed() {
    MeanShiftDetector d = new MeanShiftDetector(3, 1.0);
    for (double v : new double[] {0, 0, 0, 0.1, 0.2, 2, 2, 2}) {
      d.add(v);
    }
    return d;
  }

  @Test
  void snapshotIsAVersionedSelfDescribingDocument() {
    DetectorSnapshot s = fed().snapshot();
    assertThat(s.detectorType()).isEqualTo("test-mean-shift");
    assertThat(s.formatVersion()).isEqualTo(2);
    assertThat(s.json()).startsWith(
        "{\"detector_type\":\"test-mean-shift\",\"format_version\":2,\"config\":{\"window\":3,");
    assertThat(DetectorSnapshots.parse(s.json())).isEqualTo(s);
  }

  @Test
  void signalReportsWhereTheChangeBegan() {
    DriftSignal s = fed().lastSignal();
    assertThat(s.state()).isEqualTo(DriftState.DRIFT);
    assertThat(s.index()).isEqualTo(7);
    assertThat(s.warningStart()).hasValue(5);
    assertThat(s.changeStart()).hasValue(3);
    assertThat(s.delay()).hasValue(4);
    assertThatThrownBy(() -> new MeanShiftDetector(3, 1).lastSignal())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsAnotherDetectorTypeNamingTheField() {
    DetectorSnapshot other = new DetectorSnapshot("adwin", 1, "{}");
    assertThatThrownBy(() -> registry.restore(other))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("detectorType"))
        .hasMessage("cannot restore detector snapshot: detectorType expected one of "
            + "[test-mean-shift], was 'adwin'");
    assertThatThrownBy(() -> MeanShiftDetector.restore(other))
        .hasMessage("cannot restore detector snapshot: detectorType expected 'test-mean-shift', "
            + "was 'adwin'");
  }

  @Test
  void rejectsANewerFormatVersion() {
    String json = fed().snapshot().json().replace("\"format_version\":2", "\"format_version\":3");
    assertThatThrownBy(() -> registry.restore(DetectorSnapshots.parse(json)))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("formatVersion"))
        .hasMessage("cannot restore detector snapshot: formatVersion expected <= 2 "
            + "(a newer version of mlops wrote it), was 3");
  }

  @Test
  void rejectsAnotherConfiguration() {
    DetectorSnapshot s = fed().snapshot();
    assertThat(MeanShiftDetector.restore(s, 3, 1.0).count()).isEqualTo(8);
    assertThatThrownBy(() -> MeanShiftDetector.restore(s, 4, 1.0))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("config.window"))
        .hasMessage("cannot restore detector snapshot: config.window expected 4.0, was 3.0");
  }

  @Test
  void rejectsMalformedDocumentsNamingTheField() {
    assertThatThrownBy(() -> DetectorSnapshots.parse("{\"detector_type\": \"x\",\n oops}"))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("json"))
        .hasMessageContaining("malformed at line 2, column");
    assertThatThrownBy(() -> DetectorSnapshots.parse("{\"detector_type\": \"x\"}"))
        .hasMessage("cannot restore detector snapshot: format_version: an integer >= 1 is required");
    String noRing = fed().snapshot().json().replace("\"ring\"", "\"rang\"");
    assertThatThrownBy(() -> registry.restore(DetectorSnapshots.parse(noRing)))
        .hasMessage("cannot restore detector snapshot: state.ring: an array of numbers is required");
    DetectorSnapshot lying = new DetectorSnapshot(
        MeanShiftDetector.TYPE, 1, fed().snapshot().json());
    assertThatThrownBy(() -> registry.restore(lying))
        .hasMessage("cannot restore detector snapshot: json.format_version expected 1, was 2");
  }

  @Test
  void registrationIsChecked() {
    StreamingDetectorRegistry.Builder b = StreamingDetectorRegistry.builder()
        .register("a", 1, MeanShiftDetector::restore);
    assertThatThrownBy(() -> b.register("a", 1, MeanShiftDetector::restore))
        .hasMessage("detectorType 'a' is already registered");
    assertThatThrownBy(() -> b.register("b", 0, MeanShiftDetector::restore))
        .hasMessage("formatVersion must be >= 1, was 0");
    assertThat(b.build().types()).containsExactly("a");
  }
}
