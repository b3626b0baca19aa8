package dev.mlops.sample;

import static dev.mlops.testkit.MlopsAssertions.assertThatAlerts;

import dev.mlops.events.MonitorEvent;
import dev.mlops.testkit.MlopsTest;
import dev.mlops.testkit.PredictionLog;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.TestResources;
import dev.mlops.testkit.drift.DriftScenario;
import dev.mlops.testkit.events.RecordingConsumer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A shift in one input raises the monitor's drift alert on that input, one window after it starts. */
@MlopsTest
class DriftAlertTest {
  @Test
  void aShiftedInputRaisesADriftAlert(TestClock clock, TestResources resources, @PredictionLog Path log) {
    DriftScenario s = DriftScenario.builder(42).rows(3_000).changeAt(1_500)
        .covariateShift(DriftScenario.X1, 1.5).build();
    RecordingConsumer<MonitorEvent> events = new RecordingConsumer<>();
    try (ScoringService service = SampleFixtures.service(resources.track(SampleFixtures.churnModel()),
        resources.track(SampleFixtures.churnModel()), s, clock, log)) {
      service.monitorEvents().onEvent(events);
      var rows = SampleFixtures.requests(s).rows();
      for (int i = 0; i < rows.size(); i++) {
        service.score("r" + i, "user-" + i, rows.get(i));
      }
    }
    assertThatAlerts(events).raised("drift").on(DriftScenario.X1)
        .withinRows(ScoringService.DEFAULT_MONITOR_WINDOW).of(s.truth().changeIndex());
  }
}
