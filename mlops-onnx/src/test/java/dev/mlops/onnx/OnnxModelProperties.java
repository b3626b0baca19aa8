package dev.mlops.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.model.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** For any weights and inputs, what ONNX Runtime computes equals the Java math. */
class OnnxModelProperties {

  @Test
  void logisticRegressionMatchesJavaForAnyWeights() {
    qt().withExamples(40)
        .forAll(lists().of(doubles().between(-3, 3)).ofSize(7))
        .checkAssert(v -> {
          double[] w = {v.get(0), v.get(1), v.get(2)};
          double b = v.get(3);
          double[] x = {v.get(4), v.get(5), v.get(6)};
          byte[] bytes = OnnxModels.logisticRegression(Fixtures.FEATURES, List.of("n", "p"), w, b,
              ProbabilityOutput.TENSOR).toBytes();
          try (OnnxModel model = OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults())) {
            Prediction p = model.predict(Fixtures.record(x[0], x[1], x[2]));
            double expected = Fixtures.sigmoid(Fixtures.dot(w, x) + b);
            assertThat(p.probabilities().get("p")).isCloseTo(expected, within(1e-5));
            assertThat(p.probabilities().get("n") + p.probabilities().get("p"))
                .isCloseTo(1.0, within(1e-6));
          }
        });
  }
}
