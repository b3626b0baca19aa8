package dev.mlops.core.model;

import java.util.Map;
import java.util.TreeMap;

/** Checks and builder shared by the gradient-descent trainers. */
final class Settings {
  private Settings() {}

  static void check(int epochs, double learningRate, double l2, int batchSize) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
  }

  static Map<String, Double> checkWeights(Map<String, Double> weights) {
    Map<String, Double> copy = new TreeMap<>(weights);
    copy.forEach((k, v) -> {
      if (v == null || !(v > 0) || v.isInfinite()) {
        throw new IllegalArgumentException(
            "class weight of '" + k + "' must be positive and finite, was " + v);
      }
    });
    return java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The settings every gradient-descent trainer has, starting from the logistic regression
   * defaults. Not thread-safe.
   *
   * @param <B> the concrete builder
   */
  abstract static class Builder<B extends Builder<B>> {
    int epochs = LogisticRegressionTrainer.DEFAULT_EPOCHS;
    double learningRate = LogisticRegressionTrainer.DEFAULT_LEARNING_RATE;
    double l2 = LogisticRegressionTrainer.DEFAULT_L2;
    int batchSize = LogisticRegressionTrainer.DEFAULT_BATCH_SIZE;
    long seed = LogisticRegressionTrainer.DEFAULT_SEED;
    Map<String, Double> classWeights = Map.of();

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** Sets the passes over the data. */
    public B epochs(int value) {
      epochs = value;
      return self();
    }

    /** Sets the step size. */
    public B learningRate(double value) {
      learningRate = value;
      return self();
    }

    /** Sets the L2 penalty (regularisation strength). */
    public B l2(double value) {
      l2 = value;
      return self();
    }

    /** Sets the mini-batch size. */
    public B batchSize(int value) {
      batchSize = value;
      return self();
    }

    /** Sets the shuffle seed. */
    public B seed(long value) {
      seed = value;
      return self();
    }

    /** Sets the class weights, e.g. {@code Rebalancing.classWeights(data, label)}. */
    public B classWeights(Map<String, Double> value) {
      classWeights = value;
      return self();
    }
  }
}
