package dev.mlops.core.features;

import static dev.mlops.core.features.FeatureStep.binarize;
import static dev.mlops.core.features.FeatureStep.clip;
import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.imputeConstant;
import static dev.mlops.core.features.FeatureStep.log1p;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.ordinal;
import static dev.mlops.core.features.FeatureStep.quantileBuckets;
import static dev.mlops.core.features.FeatureStep.scale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.DataFormatException;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureTransformException;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturePipelineTest {
  /** x = [1, 2, 3, 4, 100]; the expected values are what scikit-learn 1.x computes for it. */
  private static final Dataset SMALL = Dataset.of(
      NumericColumn.of("x", 1, 2, 3, 4, 100),
      CategoricalColumn.of("c", Arrays.asList("b", "a", null, "b", "c")));

  @TempDir Path dir;

  private static double[] column(FeaturePipeline p, int output) {
    double[][] m = p.fit(SMALL).matrix(SMALL);
    return Arrays.stream(m).mapToDouble(r -> r[output]).toArray();
  }

  private static FeaturePipeline x(FeatureStep... steps) {
    return FeaturePipeline.builder().column("x", steps).build();
  }

  @Test
  void scalersMatchScikitLearn() {
    // StandardScaler: mean 22, population std sqrt(1522) = 39.0128...
    assertThat(column(x(scale(ScaleKind.STANDARD)), 0))
        .containsExactly(new double[] {-0.53829, -0.51266, -0.48702, -0.46139, 1.99934},
            within(1e-5));
    // MinMaxScaler: (x - 1) / 99.
    assertThat(column(x(scale(ScaleKind.MIN_MAX)), 0))
        .containsExactly(new double[] {0, 1 / 99.0, 2 / 99.0, 3 / 99.0, 1}, within(1e-6));
    // RobustScaler: median 3, IQR 4 - 2.
    assertThat(column(x(scale(ScaleKind.ROBUST)), 0))
        .containsExactly(new double[] {-1, -0.5, 0, 0.5, 48.5}, within(1e-6));
  }

  @Test
  void bucketsClipLogAndBinarize() {
    // KBinsDiscretizer(n_bins=4, strategy="quantile", encode="ordinal"): inner edges 2, 3, 4.
    assertThat(column(x(quantileBuckets(4)), 0)).containsExactly(0, 1, 2, 3, 3);
    assertThat(column(x(clip(2, 4)), 0)).containsExactly(2, 2, 3, 4, 4);
    assertThat(column(x(log1p()), 0)[4]).isCloseTo(Math.log(101), within(1e-6));
    assertThat(column(x(binarize(3)), 0)).containsExactly(0, 0, 0, 1, 1);
  }

  @Test
  void categoricalImputeAndEncoders() {
    FittedPipeline p = FeaturePipeline.builder()
        .column("c", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
        .build().fit(SMALL);
    assertThat(p.outputNames()).containsExactly("c=a", "c=b", "c=c", "c=<unknown>");
    assertThat(p.matrix(SMALL)[2]).containsExactly(0, 1, 0, 0);
    assertThat(p.apply(record("c", "zzz"))).containsExactly(0, 0, 0, 1);
    FittedPipeline ordinal = FeaturePipeline.builder()
        .column("c", imputeConstant("none"), ordinal(UnknownPolicy.IGNORE)).build().fit(SMALL);
    assertThat(ordinal.columns().get(0).encoder().categories())
        .containsExactly("a", "b", "c", "none");
    assertThat(ordinal.apply(record("c", null))).containsExactly(3);
    assertThat(ordinal.apply(record("c", "zzz"))).containsExactly(-1);
  }

  @Test
  void numericImputersFillWithTheTrainingStatistic() {
    Dataset gaps = Dataset.of(NumericColumn.of("x", 1, Double.NaN, 3, 3, 10));
    assertThat(FeaturePipeline.builder().column("x", impute(ImputeStrategy.MEAN)).build()
        .fit(gaps).matrix(gaps)[1]).containsExactly(4.25);
    assertThat(FeaturePipeline.builder().column("x", impute(ImputeStrategy.MEDIAN)).build()
        .fit(gaps).matrix(gaps)[1]).containsExactly(3);
    assertThat(FeaturePipeline.builder().column("x", impute(ImputeStrategy.MOST_FREQUENT))
        .build().fit(gaps).matrix(gaps)[1]).containsExactly(3);
    assertThat(FeaturePipeline.builder().column("x", imputeConstant("-1")).build()
        .fit(gaps).matrix(gaps)[1]).containsExactly(-1);
  }

  @Test
  void applyToDatasetKeepsTheOtherColumnsAfterTheFeatures() {
    Dataset data = SMALL.withColumn(NumericColumn.of("label", 0, 1, 0, 1, 1));
    Dataset out = x(scale(ScaleKind.MIN_MAX)).fit(data).apply(data);
    assertThat(out.columnNames()).containsExactly("x", "c", "label");
    assertThat(out.numeric("x").value(4)).isEqualTo(1.0);
  }

  @Test
  void badInputNamesTheColumnAndStep() {
    Dataset gaps = Dataset.of(NumericColumn.of("x", 1, Double.NaN, 3));
    assertThatThrownBy(() -> x(scale(ScaleKind.STANDARD)).fit(gaps))
        .isInstanceOf(FeatureTransformException.class)
        .hasMessage("column 'x', step 1 scale(STANDARD): 1 training values are missing and no "
            + "impute step is declared");
    FittedPipeline strict = FeaturePipeline.builder().column("c", oneHot(UnknownPolicy.ERROR))
        .build().fit(Dataset.of(CategoricalColumn.of("c", "a", "b")));
    assertThatThrownBy(() -> strict.apply(record("c", "z")))
        .isInstanceOfSatisfying(FeatureTransformException.class, e -> {
          assertThat(e.column()).isEqualTo("c");
          assertThat(e.step()).isEqualTo("1 oneHot(ERROR)");
        })
        .hasMessage("column 'c', step 1 oneHot(ERROR): category 'z' was not seen at fit time; "
            + "expected one of [a, b]");
    assertThatThrownBy(() -> strict.apply(record("c", null)))
        .hasMessage("column 'c', step 1 oneHot(ERROR): the value is missing and no impute step "
            + "is declared");
    assertThatThrownBy(() -> strict.apply(record("other", "a")))
        .hasMessage("column 'c', step input: the record has no such column; it has [other]");
    assertThatThrownBy(() -> x(scale(ScaleKind.STANDARD)).fit(SMALL).apply(record("x", "ten")))
        .hasMessage("column 'x', step input: expected a number, was the text 'ten'");
    assertThatThrownBy(() -> x(log1p()).fit(SMALL).apply(record("x", -3.0)))
        .hasMessage("column 'x', step 1 log1p: log1p needs values above -1, was -3.0");
    assertThatThrownBy(() -> FeaturePipeline.builder().column("c", scale(ScaleKind.STANDARD))
            .build().fit(SMALL))
        .hasMessage("column 'c', step 1 scale(STANDARD): a numeric step needs a numeric column, "
            + "was CATEGORICAL (declare an encoder for a categorical column)");
    assertThatThrownBy(() -> FeaturePipeline.builder()
            .column("c", impute(ImputeStrategy.MEAN), oneHot(UnknownPolicy.IGNORE)).build()
            .fit(SMALL))
        .hasMessage("column 'c', step 1 impute(MEAN): impute(MEAN) needs a numeric column; use "
            + "MOST_FREQUENT or a constant");
    assertThatThrownBy(() -> x(scale(ScaleKind.STANDARD)).fit(Dataset.of(
            NumericColumn.of("y", 1))))
        .hasMessage("column 'x', step input: the training data has no such column; columns: [y]");
    assertThatThrownBy(() -> x(scale(ScaleKind.STANDARD)).fit(SMALL)
            .checkFeeds(java.util.List.of("x", "extra")))
        .hasMessageContaining("the pipeline was fitted on other columns than the model expects")
        .hasMessageContaining("'extra'");
  }

  @Test
  void declarationsAreChecked() {
    assertThatThrownBy(() -> x(scale(ScaleKind.STANDARD), impute(ImputeStrategy.MEAN)))
        .hasMessage("column 'x', step 2 impute(MEAN): impute must be the first step");
    assertThatThrownBy(() -> FeaturePipeline.builder()
            .column("c", oneHot(UnknownPolicy.IGNORE), scale(ScaleKind.STANDARD)).build())
        .hasMessage("column 'c', step 1 oneHot(IGNORE): an encoder must be the last step");
    assertThatThrownBy(() -> FeaturePipeline.builder()
            .column("c", clip(0, 1), ordinal(UnknownPolicy.IGNORE)).build())
        .hasMessage("column 'c', step 1 clip(0.0, 1.0): a categorical column takes only impute "
            + "before its encoder");
    assertThatThrownBy(() -> FeatureStep.bucketize(1, 1))
        .hasMessage("bucketize: boundaries must be finite and strictly increasing, was [1.0, 1.0]");
    assertThatThrownBy(() -> FeaturePipeline.builder().build())
        .hasMessage("a feature pipeline needs at least one column");
  }

  @Test
  void jsonRoundTripsExactlyAndNamesBadFields() {
    FittedPipeline p = FeaturePipeline.builder()
        .column("x", impute(ImputeStrategy.MEDIAN), log1p(), scale(ScaleKind.STANDARD),
            quantileBuckets(3), clip(0, 1), binarize(0.5))
        .column("c", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
        .build().fit(SMALL);
    FittedPipeline back = FittedPipeline.fromJson(p.toJson(), "mem");
    assertThat(back).isEqualTo(p);
    assertThat(back.toJson()).isEqualTo(p.toJson());
    Path file = p.write(dir.resolve("sub/pipeline.json"));
    assertThat(FittedPipeline.read(file)).isEqualTo(p);
    assertThatThrownBy(() -> FittedPipeline.fromJson(
            p.toJson().replace("\"version\" : 1", "\"version\" : 9"), "p.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("version 9 is newer than this release reads (1)");
    assertThatThrownBy(() -> FittedPipeline.fromJson(
            p.toJson().replace("\"op\" : \"log1p\"", "\"op\" : \"sqrt\""), "p.json"))
        .hasMessageContaining("columns[0].ops[1].op").hasMessageContaining("unknown operation 'sqrt'");
  }

  @Test
  void declarationRoundTripsThroughJson() {
    FeaturePipeline p = FeaturePipeline.builder()
        .column("x", imputeConstant("0.5"), log1p(), scale(ScaleKind.ROBUST), clip(-3, 3),
            FeatureStep.bucketize(-1, 1), binarize(0.5))
        .column("q", quantileBuckets(4))
        .column("c", impute(ImputeStrategy.MOST_FREQUENT), ordinal(UnknownPolicy.ERROR))
        .column("d", oneHot(UnknownPolicy.EXTRA_COLUMN))
        .column("raw")
        .build();
    assertThat(FeaturePipeline.fromJson(p.toJson(), "spec.json")).isEqualTo(p);
    assertThatThrownBy(() -> FeaturePipeline.fromJson(
            p.toJson().replace("\"log1p\"", "\"sqrt\""), "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("columns[0].steps[1].step").hasMessageContaining("unknown step 'sqrt'");
    assertThatThrownBy(() -> FeaturePipeline.fromJson(
            p.toJson().replace("\"ROBUST\"", "\"FANCY\""), "spec.json"))
        .hasMessageContaining("columns[0].steps[2]");
  }

  @Test
  void fittedParametersAreLoggedToTheRun() throws Exception {
    FittedPipeline p = x(scale(ScaleKind.ROBUST)).fit(SMALL);
    assertThat(p.params()).containsEntry("features.x.1.op", "affine")
        .containsEntry("features.x.1.offset", "3.0")
        .containsEntry("features.x.1.scale", "0.5")
        .containsEntry("features.x.1.step", "1 scale(ROBUST)");
    String id;
    try (FileTracker t = FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build())) {
      try (ActiveRun run = t.startRun("exp", "pipeline")) {
        id = run.runId();
        p.logTo(run);
      }
      RunRecord r = t.findRun(id).orElseThrow();
      assertThat(r.params()).containsAllEntriesOf(p.params());
    }
    try (var files = Files.walk(dir)) {
      Path artifact = files.filter(f -> f.endsWith(FittedPipeline.ARTIFACT_NAME)).findFirst()
          .orElseThrow();
      assertThat(FittedPipeline.read(artifact)).isEqualTo(p);
    }
  }

  private static Record record(String name, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(name, value);
    return Record.of(m);
  }
}
