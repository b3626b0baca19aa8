package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.SnapshotException;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad values, bad settings and foreign snapshots get clear errors and leave no trace. */
class DetectorBadInputTest {

  private static StreamingDriftDetector fed(String type) {
    StreamingDriftDetector d = StreamingDetectors.create(type, Map.of());
    double[] values = Streams.errors(5, 300, 150, 0.1, 0.6);
    for (double v : values) {
      d.add(v);
    }
    return d;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adwin", "page-hinkley", "cusum", "ddm", "eddm", "hddm-a", "hddm-w",
      "kswin"})
  void nanAndInfinityAreRejectedAndTheStateIsUntouched(String type) {
    StreamingDriftDetector d = fed(type);
    DetectorSnapshot before = d.snapshot();
    assertThatThrownBy(() -> d.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(type + ": value at index 300 is NaN; only finite values are accepted "
            + "(detector unchanged)");
    assertThatThrownBy(() -> d.update(Double.NEGATIVE_INFINITY))
        .hasMessage(type + ": value at index 300 is -Infinity; only finite values are accepted "
            + "(detector unchanged)");
    assertThat(d.snapshot()).isEqualTo(before);
    assertThat(d.count()).isEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ddm", "eddm", "hddm-a", "hddm-w"})
  void errorRateDetectorsRejectValuesOutsideTheUnitInterval(String type) {
    StreamingDriftDetector d = fed(type);
    DetectorSnapshot before = d.snapshot();
    assertThatThrownBy(() -> d.add(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(type + ": value at index 300 is 1.5; this detector watches an error rate and "
            + "takes values in [0, 1] (1 = error); detector unchanged");
    assertThatThrownBy(() -> d.add(-0.25)).hasMessageContaining("value at index 300 is -0.25");
    assertThat(d.snapshot()).isEqualTo(before);
  }

  /** MOA's HDDM-A fed N(0, 1) alarms hundreds of times; ours refuses the first value. */
  @Test
  void hddmARefusesAGaussianStreamInsteadOfAlarming() {
    HddmADetector d = new HddmADetector(HddmAConfig.moa());
    double[] gaussian = Streams.sudden(15, 100, 100, 0);
    int i = 0;
    while (gaussian[i] >= 0 && gaussian[i] <= 1) {
      d.add(gaussian[i++]);
    }
    double bad = gaussian[i];
    assertThatThrownBy(() -> d.add(bad)).hasMessageContaining("takes values in [0, 1]");
  }

  @Test
  void aSnapshotOfAnotherDetectorIsRefused() {
    DetectorSnapshot ddm = fed("ddm").snapshot();
    assertThatThrownBy(() -> AdwinDetector.restore(ddm))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("detectorType"))
        .hasMessage("cannot restore detector snapshot: detectorType expected 'adwin', was 'ddm'");
  }

  @Test
  void aSnapshotTakenWithAnotherConfigurationIsRefusedNamingTheKey() {
    DetectorSnapshot s = new AdwinDetector(AdwinConfig.builder().delta(0.01).build()).snapshot();
    assertThatThrownBy(() -> AdwinDetector.restore(s, AdwinConfig.defaults()))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("config.delta"))
        .hasMessage("cannot restore detector snapshot: config.delta expected 0.002, was 0.01");
    assertThat(AdwinDetector.restore(s, AdwinConfig.builder().delta(0.01).build()).config()
        .delta()).isEqualTo(0.01);
    DetectorSnapshot moa = new DdmDetector(DdmConfig.moa()).snapshot();
    assertThatThrownBy(() -> DdmDetector.restore(moa, DdmConfig.defaults()))
        .hasMessage("cannot restore detector snapshot: config.moa expected false, was true");
  }

  @Test
  void aSnapshotWithAnInvalidConfigurationIsRefused() {
    String json = new PageHinkleyDetector().snapshot().json()
        .replace("\"threshold\":\"50.0\"", "\"threshold\":\"-1\"");
    assertThatThrownBy(() -> StreamingDetectors.registry().restore(DetectorSnapshots.parse(json)))
        .isInstanceOfSatisfying(SnapshotException.class,
            e -> assertThat(e.field()).isEqualTo("config"))
        .hasMessage("cannot restore detector snapshot: config: page-hinkley: threshold must be "
            + "finite and > 0, was -1.0");
  }

  @Test
  void aCorruptAdwinHistogramIsRefused() {
    AdwinDetector d = new AdwinDetector();
    for (int i = 0; i < 100; i++) {
      d.add(i % 3);
    }
    String json = d.snapshot().json().replace("\"width\":100", "\"width\":99");
    assertThatThrownBy(() -> AdwinDetector.restore(DetectorSnapshots.parse(json)))
        .hasMessage("cannot restore detector snapshot: state.width expected the buckets' size "
            + "100, was 99");
  }

  @Test
  void settingsAreCheckedNamingTheKey() {
    assertThatThrownBy(() -> StreamingDetectors.create("adwin", Map.of("dleta", "0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("adwin: unknown setting 'dleta'; known settings: [moa, delta, clock, "
            + "maxBuckets, minWindowLength, gracePeriod, direction]");
    assertThatThrownBy(() -> StreamingDetectors.create("ddm", Map.of("warningLevel", "two")))
        .hasMessage("ddm: setting 'warningLevel' must be a number, was 'two'");
    assertThatThrownBy(() -> StreamingDetectors.create("cusum", Map.of("direction", "up")))
        .hasMessage("cusum: setting 'direction' must be one of [both, decrease, increase], "
            + "was 'up'");
    assertThatThrownBy(() -> StreamingDetectors.create("adwin", Map.of("delta", "2")))
        .hasMessage("adwin: delta must be in (0, 1), was 2.0");
    assertThatThrownBy(() -> StreamingDetectors.create("page-hinkley",
        Map.of("moa", "true", "direction", "both")))
        .hasMessage("page-hinkley: MOA compatibility watches direction increase only, was both");
    assertThatThrownBy(() -> StreamingDetectors.create("kswin", Map.of("moa", "true")))
        .hasMessage("kswin: MOA 2024.07 has no KSWIN, so there is no MOA compatibility mode");
    assertThatThrownBy(() -> StreamingDetectors.create("adwn", Map.of()))
        .hasMessage("unknown detector 'adwn'; known detectors: [adwin, page-hinkley, cusum, ddm, "
            + "eddm, hddm-a, hddm-w, kswin]");
    assertThatThrownBy(() -> StreamingDetectors.create("kswin", Map.of("statSize", "60")))
        .hasMessage("kswin: statSize must be <= windowSize / 2 (50), was 60");
  }

  @Test
  void settingsRoundTripAndMoaSwitchesTheDefaults() {
    for (String type : StreamingDetectors.TYPES) {
      StreamingDriftDetector d = StreamingDetectors.create(type, Map.of());
      StreamingDriftDetector again = StreamingDetectors.registry().restore(d.snapshot());
      assertThat(again.snapshot()).isEqualTo(d.snapshot());
    }
    assertThat(AdwinConfig.fromSettings(Map.of("moa", "true"))).isEqualTo(AdwinConfig.moa());
    assertThat(HddmAConfig.fromSettings(Map.of("moa", "true")).direction())
        .isEqualTo(Direction.BOTH);
    assertThat(AdwinConfig.fromSettings(AdwinConfig.moa().settings()))
        .isEqualTo(AdwinConfig.moa());
  }

  @Test
  void lastSignalBeforeAnyValueIsAnError() {
    assertThatThrownBy(() -> new EddmDetector().lastSignal())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("eddm: no value added since creation or reset");
  }
}
