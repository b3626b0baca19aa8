package dev.mlops.core.model;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a binary {@link LogisticRegression} by mini-batch gradient descent on standardised
 * features with L2 regularisation and optional class weights. Enough for the demo and for tests
 * that need a real model; not a replacement for a training library.
 *
 * <pre>{@code
 * PipelineModel model = LogisticRegressionTrainer.builder()
 *     .l2(1e-2).epochs(200).seed(7)
 *     .classWeights(Rebalancing.classWeights(train, "default"))
 *     .build()
 *     .fit(train, "default", pipeline);
 * }</pre>
 *
 * <p>Deterministic: the same data, settings and seed give the same weights. Immutable and
 * thread-safe.
 *
 * @param epochs passes over the data (iterations), {@code >= 1}
 * @param learningRate step size, {@code > 0}
 * @param l2 L2 penalty on the weights (not the bias), {@code >= 0}
 * @param batchSize rows per gradient step, {@code >= 1}
 * @param seed seed of the row shuffle
 * @param classWeights weight of each class's rows in the loss (absent classes weigh 1), e.g.
 *     {@code Rebalancing.classWeights}; each positive and finite
 */
public record LogisticRegressionTrainer(
    int epochs, double learningRate, double l2, int batchSize, long seed,
    Map<String, Double> classWeights) implements Trainer {

  /** Default passes over the data: {@value} (converges on the 569-row breast-cancer data). */
  public static final int DEFAULT_EPOCHS = 100;
  /** Default step size: {@value} (suits standardised features). */
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  /** Default L2 penalty: {@value} (mild, like scikit-learn's C = 1 on a few hundred rows). */
  public static final double DEFAULT_L2 = 1e-3;
  /** Default mini-batch size: {@value}. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  /** Default seed: {@value}. */
  public static final long DEFAULT_SEED = 42;
  /** Name of the models {@link #fit(Dataset, String, FeaturePipeline)} returns: {@value}. */
  public static final String MODEL_NAME = "logistic-regression";

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the rejected setting
   */
  public LogisticRegressionTrainer {
    Settings.check(epochs, learningRate, l2, batchSize);
    classWeights = Settings.checkWeights(classWeights);
  }

  /** Settings without class weights. */
  public LogisticRegressionTrainer(
      int epochs, double learningRate, double l2, int batchSize, long seed) {
    this(epochs, learningRate, l2, batchSize, seed, Map.of());
  }

  /** The default settings with the given seed. */
  public static LogisticRegressionTrainer withSeed(long seed) {
    return builder().seed(seed).build();
  }

  /** Starts a builder with the default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains on the numeric {@code features} of {@code data} to predict {@code positiveClass} of
   * {@code labelColumn}; every other label value is the negative class.
   *
   * @throws IllegalArgumentException if a column is absent or not numeric, a value is missing,
   *     or the label does not have exactly two classes including {@code positiveClass}
   */
  public LogisticRegression fit(
      Dataset data, List<String> features, String labelColumn, String positiveClass) {
    Objects.requireNonNull(positiveClass, "positiveClass");
    int n = data.rowCount();
    double[][] x = new double[n][features.size()];
    for (int j = 0; j < features.size(); j++) {
      NumericColumn c = data.numeric(features.get(j));
      if (c.missingCount() > 0) {
        throw new IllegalArgumentException(
            "feature '" + features.get(j) + "' has " + c.missingCount() + " missing values");
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = c.value(i);
      }
    }
    String[] labels = TrainingData.labels(data, labelColumn);
    List<String> seen = new ArrayList<>();
    for (String l : labels) {
      if (!seen.contains(l)) {
        seen.add(l);
      }
    }
    if (seen.size() != 2 || !seen.contains(positiveClass)) {
      throw new IllegalArgumentException(
          "label '" + labelColumn + "' must have two classes including '" + positiveClass
              + "', has " + seen);
    }
    String negative = seen.get(0).equals(positiveClass) ? seen.get(1) : seen.get(0);
    return train(features, x, labels, negative, positiveClass);
  }

  /**
   * Fits {@code pipeline} on {@code data}, then trains on its outputs to predict {@code label};
   * the classes are the label's values sorted (numerically when all are numbers), the second one
   * positive, as scikit-learn's {@code classes_}. Labels keep their text: {@code 0}/{@code 1},
   * never {@code 0.0}/{@code 1.0}.
   *
   * @throws IllegalArgumentException if the label is absent, missing in a row, read by the
   *     pipeline, or does not have exactly two classes
   * @throws dev.mlops.data.FeatureTransformException naming the column and step if the pipeline
   *     cannot be fitted
   */
  @Override
  public PipelineModel fit(Dataset data, String label, FeaturePipeline pipeline) {
    TrainingData t = TrainingData.of(data, label, pipeline);
    List<String> classes = TrainingData.classes(t.labels);
    if (classes.size() != 2) {
      throw new IllegalArgumentException("label '" + label + "' must have two classes, has "
          + classes + "; use SoftmaxRegressionTrainer for more");
    }
    LogisticRegression head =
        train(t.pipeline.outputNames(), t.x, t.labels, classes.get(0), classes.get(1));
    return new PipelineModel(MODEL_NAME, "1", t.pipeline, head);
  }

  private LogisticRegression train(
      List<String> features, double[][] x, String[] labels, String negative, String positive) {
    double[] y = new double[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[i].equals(positive) ? 1 : 0;
    }
    double[] rowWeights =
        TrainingData.rowWeights(labels, List.of(negative, positive), classWeights);
    double[] raw = GradientDescent.logistic(x, features.size(), y, rowWeights, settings());
    return new LogisticRegression(features, List.of(negative, positive),
        Arrays.copyOf(raw, features.size()), raw[features.size()]);
  }

  private GradientDescent.Settings settings() {
    return new GradientDescent.Settings(epochs, learningRate, l2, batchSize, seed);
  }

  /** Builds {@link LogisticRegressionTrainer}s; starts from the defaults. Not thread-safe. */
  public static final class Builder extends Settings.Builder<Builder> {
    private Builder() {}

    /** Builds the trainer, checking the settings. */
    public LogisticRegressionTrainer build() {
      return new LogisticRegressionTrainer(epochs, learningRate, l2, batchSize, seed, classWeights);
    }
  }
}
