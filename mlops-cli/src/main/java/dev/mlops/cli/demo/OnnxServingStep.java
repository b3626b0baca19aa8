package dev.mlops.cli.demo;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FeatureStep;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.core.model.PipelineModel;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a logistic regression on the bundled data in Java behind a feature pipeline (median
 * imputation and standard scaling per column, seeded 80/20 split), exports pipeline and model to
 * {@value #MODEL_FILE} with the ONNX writer (one raw input per column), serves it through
 * {@link OnnxModel} and prints test accuracy and two predictions.
 *
 * <p>Puts into the context, for later steps: {@link #MODEL} (the open {@link OnnxModel}, which
 * lives for the rest of the demo run) and {@link #SCORED} (the held-out rows with the prediction
 * columns {@code prediction_label}, {@code prediction_score}, {@code probability_benign} and
 * {@code probability_malignant} appended).
 */
final class OnnxServingStep implements DemoStep {
  /** The served model. */
  static final DemoContext.Key<OnnxModel> MODEL = new DemoContext.Key<>("onnx model", OnnxModel.class);
  /** The held-out rows with prediction columns. */
  static final DemoContext.Key<Dataset> SCORED = new DemoContext.Key<>("scored test rows", Dataset.class);

  static final String MODEL_FILE = "breast_cancer_logreg.onnx";
  private static final String LABEL = "diagnosis";
  private static final String POSITIVE = "malignant";

  @Override
  public String title() {
    return "Inference: train a logistic regression in Java, export ONNX, serve with ONNX Runtime";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Dataset data = context.dataset();
    List<String> features = new ArrayList<>();
    for (Column c : data.columns()) {
      if (c.type() == FeatureType.NUMERIC && !c.name().equals("id")) {
        features.add(c.name());
      }
    }
    int[][] split = split(data.rowCount(), context.seed());
    Dataset train = data.selectRows(split[0]);
    Dataset test = data.selectRows(split[1]);
    FeaturePipeline.Builder pipeline = FeaturePipeline.builder();
    features.forEach(f -> pipeline.column(f,
        FeatureStep.impute(ImputeStrategy.MEDIAN), FeatureStep.scale(ScaleKind.STANDARD)));
    PipelineModel trained = LogisticRegressionTrainer.builder().seed(context.seed()).build()
        .fit(train, LABEL, pipeline.build());
    Path file = trained.toOnnx(ProbabilityOutput.ZIP_MAP).write(context.outputDir().resolve(MODEL_FILE));

    OnnxModel model = OnnxModel.load(file);
    Dataset scored = BatchScorer.of(model).score(test.select(features));
    int correct = 0;
    for (int i = 0; i < test.rowCount(); i++) {
      if (scored.row(i).getString(BatchScorer.LABEL_COLUMN).equals(test.row(i).getString(LABEL))) {
        correct++;
      }
    }
    var out = context.out();
    out.printf(Locale.ROOT, "trained on %d rows, %d features; wrote %s (%d bytes, opset %d)%n",
        train.rowCount(), features.size(), file.getFileName(), java.nio.file.Files.size(file),
        model.metadata().defaultOpset());
    out.printf(Locale.ROOT, "served by %s%n", model);
    out.printf(Locale.ROOT, "held-out accuracy: %d/%d = %.3f%n", correct, test.rowCount(),
        (double) correct / test.rowCount());
    for (int i = 0; i < 2; i++) {
      Prediction p = model.predict(test.row(i));
      out.printf(Locale.ROOT, "row %d: true %s, predicted %s, P(malignant) = %.3f (%d µs)%n",
          split[1][i], test.row(i).getString(LABEL), p.label().orElseThrow(),
          p.probabilities().get(POSITIVE), p.latency().toNanos() / 1000);
    }
    context.put(MODEL, model);
    context.put(SCORED, test.withColumn(scored.column(BatchScorer.LABEL_COLUMN))
        .withColumn(scored.column(BatchScorer.SCORE_COLUMN))
        .withColumn(scored.column(BatchScorer.PROBABILITY_PREFIX + "benign"))
        .withColumn(scored.column(BatchScorer.PROBABILITY_PREFIX + POSITIVE)));
  }

  /** A seeded 80/20 split: {train row indices, test row indices}. */
  private static int[][] split(int rows, long seed) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int cut = rows * 4 / 5;
    return new int[][] {
        java.util.Arrays.copyOfRange(order, 0, cut), java.util.Arrays.copyOfRange(order, cut, rows)};
  }
}
