package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.FailureKind;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.core.model.BatchingConfig;
import dev.mlops.core.model.BatchingModel;
import dev.mlops.core.model.LogisticRegression;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.time.MlopsClock;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Inference" example (docs/inference.md), kept compiling and true. */
class InferenceExampleTest {

  @Test
  void trainExportServeBatchAndScore(@TempDir Path dir) throws Exception {
    Dataset data;
    try (var in = getClass().getResourceAsStream("/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv")) {
      data = CsvReader.defaults().read(new InputStreamReader(in, StandardCharsets.UTF_8), "bc.csv");
    }
    List<String> features = List.of("mean_radius", "mean_texture", "worst_area", "worst_concave_points");

    // README: inference
    LogisticRegression lr = LogisticRegressionTrainer.withSeed(42)
        .fit(data, features, "diagnosis", "malignant");
    Path file = lr.toOnnx(ProbabilityOutput.ZIP_MAP).write(dir.resolve("model.onnx"));

    try (OnnxModel model = OnnxModel.load(file);
        BatchingModel batched = BatchingModel.wrap(OnnxModel.load(file), BatchingConfig.defaults())) {
      Prediction p = model.predict(data.row(0));            // label + class probabilities
      DatasetSpec spec = model.inputSpec();                   // derived from the model's inputs
      Dataset scored = BatchScorer.of(model).score(data);     // prediction columns, in chunks
      Prediction q = batched.predict(data.row(1));            // merged with concurrent callers
      ModelDescriptor about = model.describe();               // CLASSIFICATION, [benign, malignant]

      PredictionRequest request = PredictionRequest.builder(data.row(2))
          .requestId("req-42").routingKey("patient-7").build();  // id generated when not given
      PredictionOutcome outcome =                             // never throws; latency timed here
          PredictionOutcomes.invoke(batched, request, Arm.PRIMARY, MlopsClock.system());
      OptionalDouble confidence = outcome.prediction().orElseThrow().confidence(); // top class
      PredictionOutcome bad = PredictionOutcomes.invoke(
          model, PredictionRequest.of(Record.of(Map.of())), Arm.PRIMARY, MlopsClock.system());
      FailureKind kind = bad.failure().orElseThrow().kind();  // INVALID_INPUT, not a model fault

      assertThat(p.label()).contains("malignant");
      assertThat(p.probabilities().keySet()).containsExactly("benign", "malignant");
      assertThat(spec.featureNames()).isEqualTo(features);
      assertThat(scored.column("prediction_label").type().name()).isEqualTo("CATEGORICAL");
      assertThat(q.probabilities().get("malignant"))
          .isEqualTo(model.predict(data.row(1)).probabilities().get("malignant"));
      assertThat(about.task()).isEqualTo(ModelTask.CLASSIFICATION);
      assertThat(about.classLabels()).containsExactly("benign", "malignant");
      assertThat(about.inputSpec()).contains(spec);
      assertThat(outcome.requestId()).isEqualTo("req-42");
      assertThat(outcome.request().routingKey()).contains("patient-7");
      assertThat(outcome.modelName()).isEqualTo("model");
      Prediction served = outcome.prediction().orElseThrow();
      assertThat(confidence.getAsDouble()).isEqualTo(
          java.util.Collections.max(served.probabilities().values())).isGreaterThanOrEqualTo(0.5);
      assertThat(kind).isEqualTo(FailureKind.INVALID_INPUT);
    }
  }
}
