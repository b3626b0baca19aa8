package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.LineChart;
import dev.mlops.cli.dashboard.MatrixChart;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FeatureStep;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.core.model.LogisticRegressionTrainer;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.model.PipelineModel;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.experiments.ActiveRun;
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
    FeaturePipeline steps = pipeline.build();
    PipelineModel trained = LogisticRegressionTrainer.builder().seed(context.seed()).build()
        .fit(train, LABEL, steps);
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
    LearningCurve curve = track(context, train, test, steps, (double) correct / test.rowCount());
    addToDashboard(context, curve, test, scored);
    context.put(MODEL, model);
    context.put(SCORED, test.withColumn(scored.column(BatchScorer.LABEL_COLUMN))
        .withColumn(scored.column(BatchScorer.SCORE_COLUMN))
        .withColumn(scored.column(BatchScorer.PROBABILITY_PREFIX + "benign"))
        .withColumn(scored.column(BatchScorer.PROBABILITY_PREFIX + POSITIVE)));
  }

  /** Held-out and training accuracy after each number of epochs, refitting with the same seed. */
  record LearningCurve(double[] epochs, double[] test, double[] train) {}

  static final int[] CURVE_EPOCHS = {1, 2, 5, 10, 25, 50, LogisticRegressionTrainer.DEFAULT_EPOCHS};

  /**
   * Records the better model as a third run next to the baselines, with its dataset digest, params
   * and its accuracy per epoch count as a metric curve.
   */
  private static LearningCurve track(DemoContext context, Dataset train, Dataset test, FeaturePipeline steps,
      double heldOut) {
    LearningCurve curve = new LearningCurve(new double[CURVE_EPOCHS.length], new double[CURVE_EPOCHS.length],
        new double[CURVE_EPOCHS.length]);
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(context.outputDir().resolve("runs"))
            .clock(context.clock()).build());
        ActiveRun run = ExperimentsStep.start(tracker, "logistic-regression", context.seed(),
            context.get(DataSpecStep.VERSION))) {
      run.logParam("model", "logistic-regression").logParam("features", Integer.toString(train.columnCount() - 1))
          .logParam("pipeline", "median impute + standard scale").logParam("epochs",
              Integer.toString(LogisticRegressionTrainer.DEFAULT_EPOCHS))
          .logParam("learning_rate", Double.toString(LogisticRegressionTrainer.DEFAULT_LEARNING_RATE))
          .logParam("l2", Double.toString(LogisticRegressionTrainer.DEFAULT_L2));
      for (int k = 0; k < CURVE_EPOCHS.length; k++) {
        PipelineModel m = LogisticRegressionTrainer.builder().seed(context.seed()).epochs(CURVE_EPOCHS[k]).build()
            .fit(train, LABEL, steps);
        curve.epochs[k] = CURVE_EPOCHS[k];
        curve.test[k] = accuracy(m, test);
        curve.train[k] = accuracy(m, train);
        run.logMetric("accuracy", curve.test[k], CURVE_EPOCHS[k]);
        run.logMetric("train_accuracy", curve.train[k], CURVE_EPOCHS[k]);
      }
      run.logMetric("onnx_accuracy", heldOut);
    }
    context.get(ExperimentsStep.RUNS).rows().add(ExperimentsStep.runRow("logistic-regression",
        "model=logistic-regression, epochs=" + LogisticRegressionTrainer.DEFAULT_EPOCHS + ", pipeline=impute+scale",
        context.get(DataSpecStep.VERSION), curve.test[CURVE_EPOCHS.length - 1]));
    context.out().printf(Locale.ROOT, "tracked run 'logistic-regression': held-out accuracy after %s epochs: %s%n",
        java.util.Arrays.toString(CURVE_EPOCHS), java.util.Arrays.stream(curve.test)
            .mapToObj(a -> String.format(Locale.ROOT, "%.3f", a)).toList());
    return curve;
  }

  private static double accuracy(PipelineModel m, Dataset rows) {
    int right = 0;
    for (int i = 0; i < rows.rowCount(); i++) {
      right += m.predict(rows.row(i)).label().orElseThrow().equals(rows.row(i).getString(LABEL)) ? 1 : 0;
    }
    return (double) right / rows.rowCount();
  }

  private static void addToDashboard(DemoContext context, LearningCurve curve, Dataset test, Dataset scored) {
    Dashboard.Section section = context.dashboard().section("modeling", "4. Modeling");
    section.heading("Tracked runs: baselines and the better model (store: runs/)");
    section.table(List.of("run", "params", "dataset digest", "held-out accuracy"),
        context.get(ExperimentsStep.RUNS).rows());
    List<List<String>> runs = context.get(ExperimentsStep.RUNS).rows();
    LineChart chart = LineChart.builder("metric-curves", "Metric curves per run")
        .axes("epochs", "accuracy")
        .description("Accuracy of the logistic regression after 1 to 100 epochs on its training and held-out "
            + "rows; the two baseline runs have one value each, drawn as dashed lines.")
        .series("logistic-regression held-out", curve.epochs, curve.test)
        .series("logistic-regression training", curve.epochs, curve.train);
    for (List<String> r : runs.subList(0, 2)) {
      chart.threshold(Double.parseDouble(r.get(3)), r.get(0) + " accuracy");
    }
    section.chart(chart.build());
    List<String> labels = List.of("benign", POSITIVE);
    long[][] counts = new long[2][2];
    for (int i = 0; i < test.rowCount(); i++) {
      counts[labels.indexOf(test.row(i).getString(LABEL))][labels.indexOf(
          scored.row(i).getString(BatchScorer.LABEL_COLUMN))]++;
    }
    section.chart(MatrixChart.confusion("model-confusion", "Confusion matrix of the served model (ONNX)",
        "Held-out rows: true diagnosis by row, the ONNX model's prediction by column.", labels, counts));
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
