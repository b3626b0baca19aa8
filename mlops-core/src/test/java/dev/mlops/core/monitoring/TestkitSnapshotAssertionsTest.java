package dev.mlops.core.monitoring;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.testkit.TestClock;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's snapshot assertions read the SDK's own monitor as a host would. */
class TestkitSnapshotAssertionsTest {

  @Test
  void aMissingValueIsAFailureAndAMissingRateOfTheSnapshot() {
    ModelMonitor monitor = ModelMonitor.of(new SignModel(), MonitorConfig.defaults(), TestClock.create());
    monitor.predict(Record.of(Map.of("x", 2.0)));
    monitor.predict(Record.of(Map.of("x", -1.0)));
    assertThat(monitor.snapshot()).hasNoAlerts().hasNoErrors().hasNoDrift().hasMissingRateAtMost("x", 0)
        .hasClassShareWithin("pos", 0.5, 0.5);

    assertThatThrownBy(() -> monitor.predict(Record.of(Collections.singletonMap("x", null))))
        .isInstanceOf(ModelInferenceException.class);
    MonitorSnapshot s = monitor.snapshot();
    assertThatThrownBy(() -> assertThat(s).hasNoErrors())
        .hasMessageContaining("Expected no failed prediction but 1 of 3 failed: {INVALID_INPUT=1}");
    assertThatThrownBy(() -> assertThat(s).hasMissingRateAtMost("x", 0.3))
        .hasMessageContaining("Expected the missing rate of 'x' at most 0.3 but it was 0.3333333333333333 (1 of 3 predictions)");
    assertThatThrownBy(() -> assertThat(s).hasClassShareWithin("pos", 0.5, 1))
        .hasMessageContaining("Expected class 'pos' in [0.5, 1.0] of the predictions but it was 0.3333333333333333 (1 of 3)");
    monitor.close();
  }
}
