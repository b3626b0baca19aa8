package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.SpecInference;
import dev.mlops.core.monitoring.AlertRules;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.core.monitoring.RetrainingTrigger;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.micrometer.MonitorMeterBinder;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.RetrainingPolicy;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.model.FakeModel;
import dev.mlops.time.MlopsClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Monitoring" example (docs/monitoring.md), kept compiling and true. */
class MonitoringExampleTest {

  /** Stands in for the host's alerting. */
  record Pager(List<String> sent) {
    void send(String message) {
      sent.add(message);
    }
  }

  @Test
  void monitorWrapsTheModelAlertsAndPublishesMeters() {
    FakeModel model = FakeModel.classifier("churn", "no", "yes")
        .when(r -> r.getDouble("age") > 60).label("yes", 0.9)
        .otherwiseSeeded(42)
        .build();
    Dataset trainingData = Dataset.of(NumericColumn.of("age", 23, 35, 41, 52, 67, 71),
        CategoricalColumn.of("city", "Oslo", "Bergen", "Oslo", "Oslo", "Bergen", "Oslo"));
    DatasetSpec spec = SpecInference.infer(trainingData);
    Objectives objectives = Objectives.builder().atMost(KeyMetrics.LATENCY_P99_MS, 50).build();
    Pager pager = new Pager(new ArrayList<>());
    MlopsClock clock = MlopsClock.system();
    SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    PredictionRequest request = PredictionRequest.of(Record.of(Map.of("age", 70.0, "city", "Oslo")));

    // README: monitoring
    ModelMonitor monitor = ModelMonitor.of(model, MonitorConfig.builder()
        .window(WindowPolicy.ofDuration(Duration.ofMinutes(5)))   // or ofCount(1000)
        .reference(ReferenceProfiles.of(trainingData))             // PSI per feature and window
        .rules(AlertRules.fromObjectives(objectives))              // latency.p99.ms <= 50 -> alert
        .rules(AlertRules.fromSpec(spec))
        .rule(AlertRules.drift())
        .build(), MlopsClock.system());
    monitor.events().onEvent(AlertRaised.class, a -> pager.send(a.reason()));
    RetrainingTrigger.notifying(RetrainingPolicy.notifyOnly(), clock).watch(monitor.events());
    MonitorMeterBinder.of(monitor).bindTo(meterRegistry);         // mlops-micrometer, optional
    Prediction p = monitor.predict(request);                      // exactly the model's answer

    assertThat(p.label()).contains("yes");
    assertThat(p.probabilities()).containsEntry("yes", 0.9);
    assertThat(meterRegistry.getMeters()).isNotEmpty();
    assertThat(pager.sent()).as("no window has closed yet").isEmpty();
    monitor.close();
  }
}
