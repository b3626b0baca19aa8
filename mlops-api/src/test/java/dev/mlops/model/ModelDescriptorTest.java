package dev.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDescriptorTest {

  @Test
  void aModelDescribesOnlyItsNameAndVersionByDefault() {
    try (Model model = new Echo()) {
      assertThat(model.describe())
          .isEqualTo(ModelDescriptor.unknown("echo", "v1"))
          .satisfies(d -> {
            assertThat(d.task()).isEqualTo(ModelTask.UNKNOWN);
            assertThat(d.classLabels()).isEmpty();
            assertThat(d.inputSpec()).isEmpty();
          });
    }
  }

  @Test
  void predictingARequestPredictsItsFeatures() {
    try (Model model = new Echo()) {
      Record features = Record.of(Map.of("x", 0.25));
      assertThat(model.predict(PredictionRequest.of(features)).score()).hasValue(0.25);
    }
  }

  @Test
  void classifierKeepsItsLabelOrderAndSpec() {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("x", FeatureType.NUMERIC).build()).build();
    List<String> labels = new ArrayList<>(List.of("no", "yes"));
    ModelDescriptor d = ModelDescriptor.classification("churn", "v2", labels).withInputSpec(spec);
    labels.add("maybe");

    assertThat(d.task()).isEqualTo(ModelTask.CLASSIFICATION);
    assertThat(d.classLabels()).containsExactly("no", "yes");
    assertThat(d.inputSpec()).contains(spec);
    assertThat(ModelDescriptor.regression("price", "v1").task()).isEqualTo(ModelTask.REGRESSION);
  }

  @Test
  void labelsOnlyForClassifiersAndNeverRepeated() {
    assertThatThrownBy(() -> new ModelDescriptor("m", "v", ModelTask.REGRESSION, List.of("a"),
        java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classLabels must be empty for a REGRESSION model, was [a]");
    assertThatThrownBy(() -> ModelDescriptor.classification("m", "v", List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classLabels must not repeat, was [a, b, a]");
    assertThatThrownBy(() -> ModelDescriptor.classification("m", "v", Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classLabels must not contain null, was [a, null]");
  }

  /** A regressor that returns feature x. */
  private static final class Echo implements Model {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String version() {
      return "v1";
    }

    @Override
    public Prediction predict(Record record) {
      return Prediction.regression(record.getDouble("x"), version(), Duration.ZERO);
    }

    @Override
    public void close() {}
  }
}
