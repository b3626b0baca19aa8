package dev.mlops.cli.demo;

import static dev.mlops.core.features.FeatureStep.clip;
import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.log1p;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.scale;

import dev.mlops.core.evaluation.CrossValidation;
import dev.mlops.core.evaluation.QuickBaselines;
import dev.mlops.core.evaluation.SanityChecks;
import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.features.UnknownPolicy;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.PipelineModel;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.onnx.OnnxModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The feature-pipeline case the bundled data lacks: a small generated loan table with numeric
 * and categorical columns and missing values. Declares a pipeline (impute, log, clip, scale,
 * one-hot with an "unknown" column), runs the overfit-a-small-sample check, compares the model
 * with quick baselines under stratified 5-fold cross-validation (mean and 95 % interval), then
 * exports pipeline and model to {@value #MODEL_FILE} and serves a raw request with a missing
 * income and a region never seen in training.
 */
final class FeaturePipelineStep implements DemoStep {
  static final String MODEL_FILE = "loans_pipeline.onnx";
  private static final String LABEL = "default";
  private static final String[] REGIONS = {"north", "south", "east", "west"};
  private static final String[] GRADES = {"A", "B", "C"};
  private static final FeaturePipeline PIPELINE = FeaturePipeline.builder()
      .column("income", impute(ImputeStrategy.MEDIAN), log1p(), scale(ScaleKind.STANDARD))
      .column("age", clip(18, 75), scale(ScaleKind.MIN_MAX))
      .column("region", impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
      .column("grade", oneHot(UnknownPolicy.IGNORE))
      .build();

  @Override
  public String title() {
    return "Features: a pipeline with categories and missing values, inside the ONNX model";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    PrintWriter out = context.out();
    Dataset loans = loans(240, context.seed());
    LogisticRegressionTrainer trainer = LogisticRegressionTrainer.builder()
        .seed(context.seed()).build();
    SanityChecks.OverfitResult overfit = SanityChecks.overfitSmallSample(
        LogisticRegressionTrainer.builder().l2(0).epochs(300).seed(context.seed()).build(),
        loans, LABEL, PIPELINE, SanityChecks.DEFAULT_SAMPLE_SIZE, context.seed());
    out.printf(Locale.ROOT, "generated %d loans (%d incomes and %d regions missing)%n",
        loans.rowCount(), loans.column("income").missingCount(),
        loans.column("region").missingCount());
    out.printf(Locale.ROOT, "overfit %d rows: training accuracy %.3f -> %s%n",
        overfit.sampleSize(), overfit.trainingAccuracy(), overfit.passed() ? "ok" : "FAILED");
    printCv(out, "logistic regression", CrossValidation.stratified(
        trainer, loans, LABEL, PIPELINE, CrossValidation.DEFAULT_FOLDS, context.seed()));
    printCv(out, "baseline: majority class", CrossValidation.stratified(
        (d, l, p) -> QuickBaselines.majorityClass(d, l), loans, LABEL, PIPELINE,
        CrossValidation.DEFAULT_FOLDS, context.seed()));
    printCv(out, "baseline: one-feature rule", CrossValidation.stratified(
        (d, l, p) -> QuickBaselines.oneFeatureRule(d, l), loans, LABEL, PIPELINE,
        CrossValidation.DEFAULT_FOLDS, context.seed()));

    PipelineModel trained = trainer.fit(loans, LABEL, PIPELINE);
    Path file = trained.toOnnx(ProbabilityOutput.TENSOR)
        .write(context.outputDir().resolve(MODEL_FILE));
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("income", null);
    raw.put("age", 41.0);
    raw.put("region", "mars");
    raw.put("grade", "B");
    Record request = Record.of(raw);
    try (OnnxModel model = OnnxModel.load(file)) {
      out.printf(Locale.ROOT, "wrote %s: inputs %s, features %d%n", file.getFileName(),
          model.inputSpec().featureNames(), trained.pipeline().outputNames().size());
      out.printf(Locale.ROOT, "raw request %s: P(default) java %.5f, onnx %.5f%n", raw,
          trained.predict(request).probabilities().get("1"),
          model.predict(request).probabilities().get("1"));
    }
  }

  private static void printCv(PrintWriter out, String name, CrossValidation.Report report) {
    CrossValidation.MetricSummary acc = report.metric("accuracy");
    out.printf(Locale.ROOT, "%-27s 5-fold accuracy %.3f (95%% CI %.3f-%.3f)%n", name, acc.mean(),
        acc.interval().lower(), acc.interval().upper());
  }

  /** A seeded loan table; default risk grows with grade and debt, falls with income. */
  static Dataset loans(int rows, long seed) {
    Random r = new Random(seed);
    double[] income = new double[rows];
    double[] age = new double[rows];
    String[] region = new String[rows];
    String[] grade = new String[rows];
    double[] label = new double[rows];
    for (int i = 0; i < rows; i++) {
      double wealth = r.nextGaussian();
      income[i] = r.nextDouble() < 0.1 ? Double.NaN : Math.round(45000 * Math.exp(0.4 * wealth));
      age[i] = 18 + r.nextInt(62);
      region[i] = r.nextDouble() < 0.08 ? null : REGIONS[r.nextInt(REGIONS.length)];
      int g = r.nextInt(GRADES.length);
      grade[i] = GRADES[g];
      double risk = 0.9 * g - 1.2 * wealth - 0.01 * (age[i] - 45)
          + ("south".equals(region[i]) ? 0.5 : 0) + r.nextGaussian() * 0.5;
      label[i] = risk > 1.0 ? 1 : 0;
    }
    return Dataset.of("loans", java.util.List.of(
        NumericColumn.of("income", income),
        NumericColumn.of("age", FeatureType.INTEGER, age),
        CategoricalColumn.of("region", Arrays.asList(region)),
        CategoricalColumn.of("grade", Arrays.asList(grade)),
        NumericColumn.of(LABEL, FeatureType.INTEGER, label)));
  }
}
