package dev.mlops.sample;

import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.model.Model;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.drift.DriftScenario;
import dev.mlops.testkit.onnx.TestOnnxModels;
import java.nio.file.Path;
import java.util.List;

/** What the sample's tests share: the service's spec, its real ONNX model and a service on them. */
final class SampleFixtures {
  static final List<String> FEATURES = List.of(DriftScenario.X1, DriftScenario.X2, DriftScenario.SEGMENT);

  /** The requests the service accepts: the drift scenarios' inputs. */
  static final DatasetSpec SPEC = DatasetSpec.builder()
      .feature(FeatureSpec.builder(DriftScenario.X1, FeatureType.NUMERIC).range(NumericRange.closed(-8, 8)).build())
      .feature(FeatureSpec.builder(DriftScenario.X2, FeatureType.NUMERIC).range(NumericRange.closed(-8, 8)).build())
      .feature(FeatureSpec.builder(DriftScenario.SEGMENT, FeatureType.CATEGORICAL)
          .domain(CategoricalDomain.of(DriftScenario.CATEGORIES)).build())
      .build();

  private SampleFixtures() {}

  /** The scenarios' own labelling rule, sigmoid(2 (x1 + x2)), as a real ONNX logistic model. */
  static Model churnModel() {
    return TestOnnxModels.logistic(List.of(DriftScenario.X1, DriftScenario.X2), new double[] {2, 2}, 0);
  }

  /** A service on {@code primary} and {@code candidate}, monitored against a scenario's reference. */
  static ScoringService service(Model primary, Model candidate, DriftScenario s, TestClock clock, Path log) {
    return ScoringService.builder("churn-v5", SPEC, primary, candidate)
        .reference(s.reference(5_000).select(FEATURES)).predictionLog(log).clock(clock).build();
  }

  /** The scenario's rows without their label: what a client sends. */
  static Dataset requests(DriftScenario s) {
    return s.data().select(FEATURES);
  }
}
