package dev.mlops.core.monitoring;

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
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A classifier on feature {@code x}: "pos" when {@code x > 0}, else "neg", with a logistic
 * probability; fails with INVALID_INPUT when {@code x} is missing, and returns a NaN score when
 * {@code x} is 999 and an infinite one when it is 998 (broken outputs). Its spec: {@code x} in [-10, 10] (required).
 */
class SignModel implements Model {
  static final DatasetSpec SPEC = DatasetSpec.builder()
      .feature(FeatureSpec.builder("x", FeatureType.NUMERIC)
          .range(NumericRange.closed(-10, 10)).build())
      .build();

  private volatile boolean closed;

  @Override
  public String name() {
    return "sign";
  }

  @Override
  public String version() {
    return "v1";
  }

  @Override
  public ModelDescriptor describe() {
    return ModelDescriptor.classification("sign", "v1", List.of("neg", "pos")).withInputSpec(SPEC);
  }

  @Override
  public Prediction predict(Record record) {
    if (!record.has("x") || record.isMissing("x")) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, "sign", "x", "a number",
          "missing", "feature x is missing", null);
    }
    double x = record.getDouble("x");
    if (x == 999 || x == 998) {
      double broken = x == 999 ? Double.NaN : Double.POSITIVE_INFINITY;
      return new Prediction(Optional.of("pos"), OptionalDouble.of(broken), Map.of(), "v1",
          Duration.ZERO);
    }
    double p = 1 / (1 + Math.exp(-x));
    String label = x > 0 ? "pos" : "neg";
    return Prediction.classification(label, Map.of("neg", 1 - p, "pos", p), "v1", Duration.ZERO);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
