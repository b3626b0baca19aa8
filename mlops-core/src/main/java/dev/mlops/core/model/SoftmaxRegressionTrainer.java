package dev.mlops.core.model;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.data.Dataset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Trains a multi-class {@link SoftmaxRegression} by mini-batch gradient descent on standardised
 * features with L2 regularisation and optional class weights; the same settings and defaults as
 * {@link LogisticRegressionTrainer}.
 *
 * <p>Deterministic for a seed. Immutable and thread-safe.
 *
 * @param epochs passes over the data, {@code >= 1}
 * @param learningRate step size, {@code > 0}
 * @param l2 L2 penalty on the weights, {@code >= 0}
 * @param batchSize rows per gradient step, {@code >= 1}
 * @param seed seed of the row shuffle
 * @param classWeights weight of each class's rows (absent classes weigh 1)
 */
public record SoftmaxRegressionTrainer(
    int epochs, double learningRate, double l2, int batchSize, long seed,
    Map<String, Double> classWeights) implements Trainer {

  /** Name of the models this trainer returns: {@value}. */
  public static final String MODEL_NAME = "softmax-regression";

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the rejected setting
   */
  public SoftmaxRegressionTrainer {
    Settings.check(epochs, learningRate, l2, batchSize);
    classWeights = Settings.checkWeights(classWeights);
  }

  /** Starts a builder with {@link LogisticRegressionTrainer}'s defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits {@code pipeline} on {@code data}, then trains on its outputs to predict {@code label};
   * the classes are the label's values sorted (numerically when all are numbers).
   *
   * @throws IllegalArgumentException if the label is absent, missing in a row, read by the
   *     pipeline, or has fewer than two classes
   * @throws dev.mlops.data.FeatureTransformException if the pipeline cannot be fitted
   */
  @Override
  public PipelineModel fit(Dataset data, String label, FeaturePipeline pipeline) {
    TrainingData t = TrainingData.of(data, label, pipeline);
    List<String> classes = TrainingData.classes(t.labels);
    if (classes.size() < 2) {
      throw new IllegalArgumentException(
          "label '" + label + "' must have at least two classes, has " + classes);
    }
    int[] y = new int[t.labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = classes.indexOf(t.labels[i]);
    }
    int f = t.pipeline.outputNames().size();
    double[][] raw = GradientDescent.softmax(t.x, f, y, classes.size(),
        TrainingData.rowWeights(t.labels, classes, classWeights),
        new GradientDescent.Settings(epochs, learningRate, l2, batchSize, seed));
    double[][] weights = new double[classes.size()][];
    double[] bias = new double[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      weights[c] = Arrays.copyOf(raw[c], f);
      bias[c] = raw[c][f];
    }
    SoftmaxRegression head =
        new SoftmaxRegression(t.pipeline.outputNames(), classes, new DenseLayer(weights, bias));
    return new PipelineModel(MODEL_NAME, "1", t.pipeline, head);
  }

  /** Builds {@link SoftmaxRegressionTrainer}s; starts from the defaults. Not thread-safe. */
  public static final class Builder extends Settings.Builder<Builder> {
    private Builder() {}

    /** Builds the trainer, checking the settings. */
    public SoftmaxRegressionTrainer build() {
      return new SoftmaxRegressionTrainer(epochs, learningRate, l2, batchSize, seed, classWeights);
    }
  }
}
