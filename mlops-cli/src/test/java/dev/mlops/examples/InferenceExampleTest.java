package dev.mlops.examples;

import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.log1p;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.scale;
import static dev.mlops.core.features.ImputeStrategy.MEDIAN;
import static dev.mlops.core.features.ImputeStrategy.MOST_FREQUENT;
import static dev.mlops.core.features.ScaleKind.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.FailureKind;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.core.model.BatchingConfig;
import dev.mlops.core.model.BatchingModel;
import dev.mlops.core.evaluation.CrossValidation;
import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.UnknownPolicy;
import dev.mlops.core.model.PipelineModel;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.onnx.OnnxModelOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Random;
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
    FeaturePipeline.Builder pipeline = FeaturePipeline.builder();   // travels inside the ONNX file
    features.forEach(f -> pipeline.column(f, impute(MEDIAN), scale(STANDARD)));
    PipelineModel lr = LogisticRegressionTrainer.builder().seed(42).build()
        .fit(data, "diagnosis", pipeline.build());
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

  @Test
  void categoricalColumnsAndMissingValuesTravelInsideTheModel() {
    Random r = new Random(5);
    int n = 120;
    double[] income = new double[n];
    String[] region = new String[n];
    double[] label = new double[n];
    for (int i = 0; i < n; i++) {
      income[i] = i % 9 == 0 ? Double.NaN : 20000 + r.nextInt(80000);
      region[i] = i % 11 == 0 ? null : List.of("north", "south", "east").get(r.nextInt(3));
      label[i] = (Double.isNaN(income[i]) ? 50000 : income[i]) < 45000 || "south".equals(region[i])
          ? 1 : 0;
    }
    Dataset loanTable = Dataset.of(NumericColumn.of("income", income),
        CategoricalColumn.of("region", Arrays.asList(region)),
        NumericColumn.of("default", FeatureType.INTEGER, label));

    // README: inference, categorical and missing
    FeaturePipeline loans = FeaturePipeline.builder()
        .column("income", impute(MEDIAN), log1p(), scale(STANDARD))
        .column("region", impute(MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
        .build();
    PipelineModel m = LogisticRegressionTrainer.builder().build().fit(loanTable, "default", loans);
    CrossValidation.Report cv = CrossValidation.stratified(               // 5 folds, 95 % CI
        LogisticRegressionTrainer.builder().build(), loanTable, "default", loans, 5, 42);
    try (OnnxModel served = OnnxModel.fromBytes(m.toOnnx(ProbabilityOutput.TENSOR).toBytes(),
        OnnxModelOptions.defaults())) {
      Map<String, Object> raw = new HashMap<>();
      raw.put("income", null);                                   // imputed inside the model
      raw.put("region", "mars");                                 // unseen: the "unknown" column
      served.predict(Record.of(raw));                            // equals m.predict(...)

      assertThat(served.predict(Record.of(raw)).probabilities().get("1"))
          .isCloseTo(m.predict(Record.of(raw)).probabilities().get("1"), within(1e-5));
      assertThat(served.inputSpec().featureNames()).containsExactly("income", "region");
      assertThat(cv.metric("accuracy").mean()).isGreaterThan(0.8);
    }
  }
}
