package dev.mlops.core.monitoring;

import static dev.mlops.testkit.MlopsAssertions.assertThatAlerts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Record;
import dev.mlops.events.MonitorEvent;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.drift.ChangePattern;
import dev.mlops.testkit.drift.DriftScenario;
import dev.mlops.testkit.events.RecordingConsumer;
import dev.mlops.testkit.model.FakeModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The testkit's drift scenarios fed through the monitor: the alert names the shifted feature, comes
 * within the documented delay after the scenario's ground-truth change and never before it, and a
 * concept shift (same inputs, new labelling rule) raises no input-drift alert at all. Windows of
 * 250 predictions, the monitor's default PSI rule without cool-down.
 */
class MonitorDriftScenarioTest {
  private static final int WINDOW = 250;
  private static final DatasetSpec INPUTS = DatasetSpec.builder()
      .feature(FeatureSpec.builder(DriftScenario.X1, FeatureType.NUMERIC).build())
      .feature(FeatureSpec.builder(DriftScenario.X2, FeatureType.NUMERIC).build())
      .build();

  private static RecordingConsumer<MonitorEvent> replay(DriftScenario s) {
    ModelMonitor monitor = ModelMonitor.of(FakeModel.classifier("churn", "0", "1").inputSpec(INPUTS).otherwiseSeeded(7).build(),
        MonitorConfig.builder().window(WindowPolicy.ofCount(WINDOW))
            .reference(ReferenceProfiles.of(s.reference(5_000).select(List.of(DriftScenario.X1, DriftScenario.X2))))
            .rule(AlertRules.drift().coolDown(0)).build(), TestClock.create());
    RecordingConsumer<MonitorEvent> events = new RecordingConsumer<>();
    monitor.events().onEvent(events);
    for (Record row : s.data().rows()) {
      monitor.predict(row);
    }
    monitor.close();
    return events;
  }

  private static List<Optional<String>> alertedFeatures(RecordingConsumer<MonitorEvent> events) {
    return events.ofType(AlertRaised.class).stream().map(AlertRaised::subject).distinct().toList();
  }

  @Test
  void aSuddenShiftAlertsOnItsFeatureInTheFirstWindowAfterTheChange() {
    DriftScenario s = DriftScenario.builder(42).rows(4_000).changeAt(2_000).covariateShift(DriftScenario.X1, 1.5).build();
    RecordingConsumer<MonitorEvent> events = replay(s);
    assertThatAlerts(events).raised(AlertRules.DRIFT).on(DriftScenario.X1).withinRows(WINDOW).of(s.truth().changeIndex());
    assertThat(alertedFeatures(events)).containsOnly(Optional.of(DriftScenario.X1));
  }

  @Test
  void aGradualShiftAlertsWithinItsRampAndNotBefore() {
    DriftScenario s = DriftScenario.builder(43).rows(5_000).changeAt(2_000)
        .covariateShift(DriftScenario.X2, 1.5, ChangePattern.GRADUAL, 1_000).build();
    RecordingConsumer<MonitorEvent> events = replay(s);
    // PSI 0.2 needs about a 0.45 sigma shift: reached inside the 1 000-row ramp, plus one window
    assertThatAlerts(events).raised(AlertRules.DRIFT).on(DriftScenario.X2)
        .withinRows(s.truth().fullEffectIndex() - s.truth().changeIndex() + WINDOW).of(s.truth().changeIndex());
    assertThat(alertedFeatures(events)).containsOnly(Optional.of(DriftScenario.X2));
  }

  @Test
  void aConceptShiftChangesNoInputAndRaisesNoInputAlert() {
    DriftScenario s = DriftScenario.builder(44).rows(4_000).changeAt(2_000).conceptShift().build();
    assertThatAlerts(replay(s)).noneRaised();
  }
}
