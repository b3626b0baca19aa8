package dev.mlops.core.model;

import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.scale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.data.Rebalancing;
import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.features.UnknownPolicy;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PipelineTrainersTest {
  private static final FeaturePipeline PIPELINE = FeaturePipeline.builder()
      .column("x", impute(ImputeStrategy.MEDIAN), scale(ScaleKind.STANDARD))
      .column("color", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.IGNORE))
      .build();

  /** Class follows color ("red" 0, "green" 1, "blue" 2) and x; 10 % of x missing. */
  static Dataset colors(int n, long seed, int classes) {
    Random r = new Random(seed);
    String[] names = {"red", "green", "blue"};
    double[] x = new double[n];
    String[] color = new String[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int k = i % classes;
      color[i] = names[k];
      x[i] = r.nextDouble() < 0.1 ? Double.NaN : k * 10 + r.nextGaussian();
      y[i] = k;
    }
    return Dataset.of(NumericColumn.of("x", x), CategoricalColumn.of("color", Arrays.asList(color)),
        NumericColumn.of("y", FeatureType.INTEGER, y));
  }

  @Test
  void logisticFitsThroughThePipelineAndKeepsLabelText() {
    Dataset data = colors(200, 1, 2);
    PipelineModel m = LogisticRegressionTrainer.builder().seed(3).build().fit(data, "y", PIPELINE);
    assertThat(m.head().classes()).containsExactly("0", "1");
    assertThat(m.head().features()).containsExactly("x", "color=green", "color=red");
    assertThat(m.predict(Record.of(Map.of("x", 10.0, "color", "green"))).label()).contains("1");
    assertThat(m.describe().inputSpec()).contains(m.pipeline().requestSpec());
    assertThat(LogisticRegressionTrainer.builder().seed(3).build().fit(data, "y", PIPELINE).head())
        .isEqualTo(m.head());
  }

  @Test
  void classWeightsShiftTheDecisionTowardTheWeightedClass() {
    Dataset data = colors(300, 2, 2);
    FeaturePipeline xOnly = FeaturePipeline.builder()
        .column("x", impute(ImputeStrategy.MEDIAN)).build();
    Record boundary = Record.of(Map.of("x", 5.0));
    double plain = LogisticRegressionTrainer.builder().build().fit(data, "y", xOnly)
        .outputs(boundary)[1];
    double weighted = LogisticRegressionTrainer.builder().classWeights(Map.of("1", 5.0)).build()
        .fit(data, "y", xOnly).outputs(boundary)[1];
    assertThat(weighted).isGreaterThan(plain + 0.05);
    assertThat(Rebalancing.classWeights(data, "y")).containsOnlyKeys("0", "1");
    assertThatThrownBy(() -> LogisticRegressionTrainer.builder().classWeights(Map.of("7", 1.0))
            .build().fit(data, "y", xOnly))
        .hasMessage("class weight for '7', which is not a class of [0, 1]");
    assertThatThrownBy(() -> LogisticRegressionTrainer.builder().classWeights(Map.of("1", -1.0))
            .build())
        .hasMessage("class weight of '1' must be positive and finite, was -1.0");
  }

  @Test
  void softmaxLearnsThreeClasses() {
    Dataset data = colors(300, 3, 3);
    PipelineModel m = SoftmaxRegressionTrainer.builder().epochs(50).build().fit(data, "y", PIPELINE);
    assertThat(m.head().classes()).containsExactly("0", "1", "2");
    int correct = 0;
    for (Record row : data.rows()) {
      correct += m.predict(row).label().orElseThrow().equals(row.getString("y")) ? 1 : 0;
    }
    assertThat(correct).isGreaterThan(290);
    double[] p = m.outputs(data.row(0));
    assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void linearRegressionRecoversAnExactLine() {
    double[] x = {0, 1, 2, 3, 4, 5};
    double[] y = Arrays.stream(x).map(v -> 2 * v + 1).toArray();
    Dataset data = Dataset.of(NumericColumn.of("x", x), NumericColumn.of("y", y));
    PipelineModel m = new LinearRegressionTrainer(0)
        .fit(data, "y", FeaturePipeline.builder().column("x").build());
    LinearRegression head = (LinearRegression) m.head();
    assertThat(head.weights()[0]).isCloseTo(2.0, within(1e-9));
    assertThat(head.bias()).isCloseTo(1.0, within(1e-9));
    assertThat(m.predict(Record.of(Map.of("x", 10.0))).score().getAsDouble())
        .isCloseTo(21.0, within(1e-6));
  }

  @Test
  void badLabelsAreRejected() {
    Dataset data = colors(30, 1, 3);
    assertThatThrownBy(() -> LogisticRegressionTrainer.withSeed(1).fit(data, "y", PIPELINE))
        .hasMessage("label 'y' must have two classes, has [0, 1, 2]; use "
            + "SoftmaxRegressionTrainer for more");
    assertThatThrownBy(() -> LogisticRegressionTrainer.withSeed(1).fit(data, "x",
            FeaturePipeline.builder().column("x").build()))
        .hasMessage("the pipeline reads the label column 'x'; a feature cannot be the label");
  }
}
