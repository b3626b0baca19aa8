package dev.mlops.onnx;

import static dev.mlops.core.features.FeatureStep.bucketize;
import static dev.mlops.core.features.FeatureStep.clip;
import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.imputeConstant;
import static dev.mlops.core.features.FeatureStep.log1p;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.ordinal;
import static dev.mlops.core.features.FeatureStep.quantileBuckets;
import static dev.mlops.core.features.FeatureStep.binarize;
import static dev.mlops.core.features.FeatureStep.scale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FittedPipeline;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.features.UnknownPolicy;
import dev.mlops.core.model.LinearRegressionTrainer;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.PipelineModel;
import dev.mlops.core.model.SoftmaxRegressionTrainer;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureTransformException;
import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exported pipeline computes in ONNX Runtime what the Java pipeline computes, on every
 * training row and on requests with unknown categories and missing values.
 */
class FeaturePipelineOnnxTest {
  private static final Dataset LOANS = LoanData.generate(300, 11);

  private static final FeaturePipeline EVERY_STEP = FeaturePipeline.builder()
      .column("income", impute(ImputeStrategy.MEDIAN), log1p(), scale(ScaleKind.STANDARD))
      .column("age", clip(21, 70), scale(ScaleKind.MIN_MAX))
      .column("debt", impute(ImputeStrategy.MEAN), scale(ScaleKind.ROBUST))
      .column("months", imputeConstant("12"), bucketize(6, 24), binarize(0.5))
      .column("region", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
      .column("grade", ordinal(UnknownPolicy.IGNORE))
      .build();

  @Test
  void everyStepAgreesWithOnnxRuntimeOnEveryTrainingRow() {
    FittedPipeline fitted = EVERY_STEP.fit(LOANS);
    PipelineFeatures.assertAgree(fitted, LOANS.rows());
  }

  @Test
  void quantileBucketsAndOrdinalWithExtraCodeAgree() {
    FittedPipeline fitted = FeaturePipeline.builder()
        .column("age", quantileBuckets(4))
        .column("debt", impute(ImputeStrategy.MOST_FREQUENT))
        .column("grade", ordinal(UnknownPolicy.EXTRA_COLUMN))
        .column("region", imputeConstant("none"), oneHot(UnknownPolicy.IGNORE))
        .build().fit(LOANS);
    PipelineFeatures.assertAgree(fitted, LOANS.rows());
    PipelineFeatures.assertAgree(fitted, List.of(request(40, "Z", "mars"), request(99, "A", null)));
  }

  @Test
  void rawRecordWithStringAndNumericFieldsPredictsLikeJava() {
    PipelineModel trained = LogisticRegressionTrainer.builder().seed(3).epochs(60).build()
        .fit(LOANS, "default", EVERY_STEP);
    assertThat(trained.head().classes()).containsExactly("0", "1");
    byte[] bytes = trained.toOnnx(ProbabilityOutput.TENSOR).toBytes();
    try (OnnxModel model = OnnxModel.fromBytes(bytes, OnnxModelOptions.defaults())) {
      for (Record row : LOANS.rows()) {
        assertSameProbabilities(model.predict(row), trained.predict(row));
      }
      Record unseen = Record.of(map("income", null, "age", 95.0, "debt", 1000.0,
          "months", null, "region", "mars", "grade", "Z"));
      assertSameProbabilities(model.predict(unseen), trained.predict(unseen));
      Record strings = Record.of(map("income", "52000", "age", 30.0, "debt", "100",
          "months", 7.0, "region", "north", "grade", "B"));
      assertSameProbabilities(model.predict(strings), trained.predict(strings));
    }
  }

  @Test
  void softmaxAndLinearRegressionExportWithThePipeline() {
    FeaturePipeline numericLabel = FeaturePipeline.builder()
        .column("income", impute(ImputeStrategy.MEDIAN), scale(ScaleKind.STANDARD))
        .column("region", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.IGNORE))
        .build();
    PipelineModel softmax = SoftmaxRegressionTrainer.builder().epochs(30).build()
        .fit(LOANS, "grade", numericLabel);
    PipelineModel linear = LinearRegressionTrainer.builder().build()
        .fit(LOANS.withColumn(dev.mlops.data.NumericColumn.of("debt_target",
            LOANS.numeric("age").toArray())), "debt_target", numericLabel);
    try (OnnxModel s = OnnxModel.fromBytes(softmax.toOnnx(ProbabilityOutput.ZIP_MAP).toBytes(),
            OnnxModelOptions.defaults());
        OnnxModel l = OnnxModel.fromBytes(linear.toOnnx(ProbabilityOutput.TENSOR).toBytes(),
            OnnxModelOptions.defaults())) {
      assertThat(s.classes()).containsExactly("A", "B", "C", "D");
      for (Record row : LOANS.rows()) {
        assertSameProbabilities(s.predict(row), softmax.predict(row));
        assertThat(l.predict(row).score().getAsDouble())
            .isCloseTo(linear.predict(row).score().getAsDouble(), within(1e-3));
      }
    }
  }

  @Test
  void derivedInputSpecIsTheRequestSpecOfTheTrainingData() {
    PipelineModel trained = LogisticRegressionTrainer.withSeed(1).fit(LOANS, "default", EVERY_STEP);
    try (OnnxModel model = OnnxModel.fromBytes(
        trained.toOnnx(ProbabilityOutput.TENSOR).toBytes(), OnnxModelOptions.defaults())) {
      DatasetSpec spec = model.inputSpec();
      assertThat(spec).isEqualTo(trained.pipeline().requestSpec());
      assertThat(model.describe().inputSpec()).contains(spec);
      assertThat(spec.featureNames())
          .containsExactly("income", "age", "debt", "months", "region", "grade");
      DatasetSpec inferred = SpecInference.infer(LOANS);
      FeatureSpec age = spec.feature("age").orElseThrow();
      assertThat(age.type()).isEqualTo(inferred.feature("age").orElseThrow().type());
      assertThat(age.range().orElseThrow().min()).isEqualTo(LOANS.numeric("age").presentValues()
          .clone()[indexOfMin(LOANS.numeric("age").presentValues())]);
      assertThat(age.required()).isTrue();
      assertThat(spec.feature("income").orElseThrow().required()).isFalse();
      assertThat(spec.feature("region").orElseThrow().domain().orElseThrow().values())
          .containsExactly("east", "north", "south", "west");
      assertThat(spec.feature("grade").orElseThrow().domain().orElseThrow().values())
          .containsExactlyElementsOf(inferred.feature("grade").orElseThrow().domain()
              .orElseThrow().values().stream().sorted().toList());
    }
  }

  @Test
  void servingRejectsWhatThePipelineRejects() {
    FeaturePipeline strict = FeaturePipeline.builder()
        .column("age", scale(ScaleKind.STANDARD))
        .column("grade", oneHot(UnknownPolicy.ERROR))
        .build();
    PipelineModel trained = LogisticRegressionTrainer.withSeed(1).fit(LOANS, "default", strict);
    try (OnnxModel model = OnnxModel.fromBytes(
        trained.toOnnx(ProbabilityOutput.TENSOR).toBytes(), OnnxModelOptions.defaults())) {
      Record unknown = Record.of(map("age", 30.0, "grade", "Z"));
      assertThatThrownBy(() -> trained.predict(unknown))
          .isInstanceOf(FeatureTransformException.class)
          .hasMessage("column 'grade', step 1 oneHot(ERROR): category 'Z' was not seen at fit "
              + "time; expected one of [A, B, C, D]");
      assertThatThrownBy(() -> model.predict(unknown))
          .isInstanceOfSatisfying(ModelInferenceException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(e.getMessage()).contains("grade").contains("'Z'").contains("[A, B, C, D]");
          });
      Record missingAge = Record.of(map("age", null, "grade", "A"));
      assertThatThrownBy(() -> trained.predict(missingAge))
          .hasMessage("column 'age', step 1 scale(STANDARD): the value is missing (NaN) and no "
              + "impute step is declared");
      assertThatThrownBy(() -> model.predict(missingAge))
          .isInstanceOf(ModelInferenceException.class).hasMessageContaining("age");
      Record noGrade = Record.of(map("age", 30.0));
      assertThatThrownBy(() -> trained.predict(noGrade))
          .hasMessageStartingWith("column 'grade', step input: the record has no such column");
      assertThatThrownBy(() -> model.predict(noGrade))
          .isInstanceOf(ModelInferenceException.class).hasMessageContaining("grade");
    }
  }

  @Test
  void featurePipelineModelIsAPlainTransform() {
    FittedPipeline fitted = EVERY_STEP.fit(LOANS);
    assertThat(OnnxModels.featurePipeline(fitted).inputNames())
        .containsExactly("income", "age", "debt", "months", "region", "grade");
  }

  private static int indexOfMin(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static Record request(double age, String grade, String region) {
    return Record.of(map("age", age, "debt", Double.NaN, "grade", grade, "region", region));
  }

  private static void assertSameProbabilities(Prediction onnx, Prediction java) {
    assertThat(onnx.label()).isEqualTo(java.label());
    assertThat(onnx.probabilities().keySet()).isEqualTo(java.probabilities().keySet());
    java.probabilities().forEach((k, p) ->
        assertThat(onnx.probabilities().get(k)).as(k).isCloseTo(p, within(1e-5)));
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
