package dev.mlops.micrometer;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A classifier on {@code x} in [0, 3): class "a", "b" or "c" by its integer part; fails with
 * INVALID_INPUT when {@code x} is missing.
 */
class ThreeClassModel implements Model {
  static final DatasetSpec SPEC = DatasetSpec.builder()
      .feature(FeatureSpec.builder("x", FeatureType.NUMERIC)
          .range(NumericRange.closed(0, 3)).build())
      .build();

  @Override
  public String name() {
    return "three";
  }

  @Override
  public String version() {
    return "v2";
  }

  @Override
  public ModelDescriptor describe() {
    return ModelDescriptor.classification("three", "v2", List.of("a", "b", "c"))
        .withInputSpec(SPEC);
  }

  @Override
  public Prediction predict(Record record) {
    if (record.isMissing("x")) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, "three", "x", "a number",
          "missing", "x is missing", null);
    }
    int k = (int) Math.max(0, Math.min(2, Math.floor(record.getDouble("x"))));
    String label = List.of("a", "b", "c").get(k);
    return Prediction.classification(label, Map.of(label, 0.8), "v2", Duration.ZERO);
  }

  @Override
  public void close() {}
}
