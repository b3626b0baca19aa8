package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.PipelineSnapshot;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoredPipelineTest {
  private final TestClock clock = TestClock.create();

  /** A transformer: x = raw / scale, as a regression output; its spec wants raw in [0, 100]. */
  private static Model scaler(double scale) {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("raw", FeatureType.NUMERIC)
            .range(NumericRange.closed(0, 100)).build())
        .build();
    return new Model() {
      @Override
      public String name() {
        return "scaler";
      }

      @Override
      public String version() {
        return "s1";
      }

      @Override
      public ModelDescriptor describe() {
        return ModelDescriptor.regression("scaler", "s1").withInputSpec(spec);
      }

      @Override
      public Prediction predict(Record record) {
        return Prediction.regression(record.getDouble("raw") / scale, "s1", Duration.ZERO);
      }

      @Override
      public void close() {}
    };
  }

  private MonitoredPipeline pipeline() {
    return MonitoredPipeline.builder("two-step")
        .first(ModelMonitor.of(scaler(10), MonitorConfig.defaults(), clock))
        .then((in, p) -> Record.of(Map.of("x", p.score().getAsDouble() - 5)),
            ModelMonitor.of(new SignModel(), MonitorConfig.defaults(), clock))
        .build();
  }

  @Test
  void eachStepIsMonitoredAgainstItsOwnSpec() {
    MonitoredPipeline pipeline = pipeline();
    assertThat(pipeline.predict(Record.of(Map.of("raw", 80.0))).label()).hasValue("pos");
    assertThat(pipeline.predict(Record.of(Map.of("raw", 20.0))).label()).hasValue("neg");
    // out of the scaler's spec upstream, and through it out of the classifier's range too
    assertThat(pipeline.predict(Record.of(Map.of("raw", 200.0))).label()).hasValue("pos");

    PipelineSnapshot s = pipeline.snapshot();
    assertThat(s.name()).isEqualTo("two-step");
    assertThat(s.steps()).extracting(m -> m.modelName()).containsExactly("scaler", "sign");
    assertThat(s.steps().get(0).features().get("raw").outOfSpec()).isEqualTo(1);
    assertThat(s.steps().get(1).features().get("x").outOfSpec()).isEqualTo(1);
    assertThat(s.steps().get(1).classCounts()).containsEntry("pos", 2L).containsEntry("neg", 1L);
    assertThat(pipeline.version()).isEqualTo("s1+v1");
    assertThat(pipeline.describe().classLabels()).containsExactly("neg", "pos");
    pipeline.close();
  }

  @Test
  void aFailingStepEndsTheRequestAndIsCountedWhereItFailed() {
    MonitoredPipeline pipeline = MonitoredPipeline.builder("broken")
        .first(ModelMonitor.of(scaler(10), MonitorConfig.defaults(), clock))
        .then((in, p) -> Record.of(Map.of("y", 1.0)),
            ModelMonitor.of(new SignModel(), MonitorConfig.defaults(), clock))
        .build();
    assertThatThrownBy(() -> pipeline.predict(Record.of(Map.of("raw", 5.0))))
        .hasMessageContaining("feature x is missing");
    PipelineSnapshot s = pipeline.snapshot();
    assertThat(s.steps().get(0).errors()).isZero();
    assertThat(s.steps().get(1).errors()).isEqualTo(1);
    assertThat(s.steps().get(1).unknownFeatures()).isEqualTo(1);
    pipeline.close();
  }

  @Test
  void aPipelineNeedsAFirstStep() {
    assertThatThrownBy(() -> MonitoredPipeline.builder("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pipeline 'p' has no step");
  }
}
