package dev.mlops.core.model;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a binary {@link LogisticRegression} by mini-batch gradient descent on standardised
 * features with L2 regularisation. Enough for the demo and for tests that need a real model; not a
 * replacement for a training library.
 *
 * <p>Deterministic: the same data, settings and seed give the same weights. Immutable and
 * thread-safe.
 *
 * @param epochs passes over the data, {@code >= 1}
 * @param learningRate step size, {@code > 0}
 * @param l2 L2 penalty on the weights (not the bias), {@code >= 0}
 * @param batchSize rows per gradient step, {@code >= 1}
 * @param seed seed of the row shuffle
 */
public record LogisticRegressionTrainer(
    int epochs, double learningRate, double l2, int batchSize, long seed) {

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

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the rejected setting
   */
  public LogisticRegressionTrainer {
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

  /** The default settings with the given seed. */
  public static LogisticRegressionTrainer withSeed(long seed) {
    return new LogisticRegressionTrainer(
        DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_L2, DEFAULT_BATCH_SIZE, seed);
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
    int f = features.size();
    double[][] x = new double[n][f];
    double[] mean = new double[f];
    double[] std = new double[f];
    for (int j = 0; j < f; j++) {
      NumericColumn c = data.numeric(features.get(j));
      if (c.missingCount() > 0) {
        throw new IllegalArgumentException(
            "feature '" + features.get(j) + "' has " + c.missingCount() + " missing values");
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = c.value(i);
        mean[j] += x[i][j] / n;
      }
      for (int i = 0; i < n; i++) {
        std[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / n;
      }
      std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1.0;
      for (int i = 0; i < n; i++) {
        x[i][j] = (x[i][j] - mean[j]) / std[j];
      }
    }
    double[] y = new double[n];
    String negative = labels(data, labelColumn, positiveClass, y);

    double[] w = new double[f];
    double b = 0;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int start = 0; start < n; start += batchSize) {
        int end = Math.min(n, start + batchSize);
        double[] gw = new double[f];
        double gb = 0;
        for (int k = start; k < end; k++) {
          double[] xi = x[order[k]];
          double z = b;
          for (int j = 0; j < f; j++) {
            z += w[j] * xi[j];
          }
          double err = 1.0 / (1.0 + Math.exp(-z)) - y[order[k]];
          for (int j = 0; j < f; j++) {
            gw[j] += err * xi[j];
          }
          gb += err;
        }
        int m = end - start;
        for (int j = 0; j < f; j++) {
          w[j] -= learningRate * (gw[j] / m + l2 * w[j]);
        }
        b -= learningRate * gb / m;
      }
    }
    // Fold standardisation into the weights: w·(x - mean)/std + b.
    double[] raw = new double[f];
    double rawBias = b;
    for (int j = 0; j < f; j++) {
      raw[j] = w[j] / std[j];
      rawBias -= w[j] * mean[j] / std[j];
    }
    return new LogisticRegression(features, List.of(negative, positiveClass), raw, rawBias);
  }

  private static String labels(Dataset data, String labelColumn, String positive, double[] y) {
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      String v = data.column(labelColumn).isMissing(i) ? null : data.row(i).getString(labelColumn);
      if (v == null) {
        throw new IllegalArgumentException("label '" + labelColumn + "' is missing in row " + i);
      }
      if (!classes.contains(v)) {
        classes.add(v);
      }
      y[i] = v.equals(positive) ? 1 : 0;
    }
    if (classes.size() != 2 || !classes.contains(positive)) {
      throw new IllegalArgumentException(
          "label '" + labelColumn + "' must have two classes including '" + positive + "', has "
              + classes);
    }
    return classes.get(0).equals(positive) ? classes.get(1) : classes.get(0);
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
