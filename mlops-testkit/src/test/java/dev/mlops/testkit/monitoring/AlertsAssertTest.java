package dev.mlops.testkit.monitoring;

import static dev.mlops.testkit.MlopsAssertions.assertThatAlerts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.events.MlopsEvent;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.testkit.events.RecordingConsumer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertsAssertTest {
  private static AlertRaised alert(String rule, String subject, long row) {
    return new AlertRaised(Instant.EPOCH, "churn.monitor", rule, "psi", Optional.ofNullable(subject), 0.3, 0.2,
        row / 100, row, rule + " on " + subject + " at row " + row);
  }

  @Test
  void findsTheRuleTheSubjectAndTheDelay() {
    RecordingConsumer<MlopsEvent> events = new RecordingConsumer<>();
    events.accept(alert("feature-drift", "x2", 1_099));
    events.accept(alert("feature-drift", "x1", 1_199));
    assertThatAlerts(events).raised("feature-drift").on("x1").withinRows(300).of(1_000);
    assertThatThrownBy(() -> assertThatAlerts(events).raised("feature-drift").on("x1").withinRows(100).of(1_000))
        .hasMessageContaining("to alert within 100 rows of row 1000 but it alerted at row 1199");
    assertThatThrownBy(() -> assertThatAlerts(events).raised("feature-drift").on("x1").withinRows(100).of(1_500))
        .hasMessageContaining("alerted at row 1199");
    assertThatThrownBy(() -> assertThatAlerts(events).raised("feature-drift").on("segment"))
        .hasMessageContaining("to alert on 'segment' but it alerted on [Optional[x2], Optional[x1]]");
    assertThatThrownBy(() -> assertThatAlerts(events).raised("error-rate"))
        .hasMessageContaining("Expected rule 'error-rate' to raise an alert but the alerts were [feature-drift(x2), feature-drift(x1)]");
    assertThatThrownBy(() -> assertThatAlerts(events).noneRaised())
        .hasMessageContaining("Expected no alert but 2 were raised, the first: feature-drift on x2 at row 1099");
    assertThatAlerts(new RecordingConsumer<>()).noneRaised();
  }
}
