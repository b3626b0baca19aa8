package dev.mlops.core.model;

import java.util.Random;

/**
 * Mini-batch gradient descent for logistic and softmax regression on standardised features with
 * L2 regularisation and per-row weights; the standardisation is folded back into the returned
 * weights so they apply to the raw features. Deterministic for a seed. Stateless.
 */
final class GradientDescent {
  private GradientDescent() {}

  /** Settings shared by the trainers. */
  record Settings(int epochs, double learningRate, double l2, int batchSize, long seed) {}

  /** Column means and standard deviations (1 for a constant column). */
  private record Standardisation(double[] mean, double[] std) {
    static Standardisation of(double[][] x, int f) {
      int n = x.length;
      double[] mean = new double[f];
      double[] std = new double[f];
      for (int j = 0; j < f; j++) {
        for (double[] row : x) {
          mean[j] += row[j] / n;
        }
        for (double[] row : x) {
          std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        }
        std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1.0;
      }
      return new Standardisation(mean, std);
    }

    double[][] apply(double[][] x) {
      double[][] out = new double[x.length][mean.length];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          out[i][j] = (x[i][j] - mean[j]) / std[j];
        }
      }
      return out;
    }

    /** Folds {@code w·(x - mean)/std + b} into raw weights; the bias is element {@code f}. */
    double[] fold(double[] w, double b) {
      double[] raw = new double[w.length + 1];
      raw[w.length] = b;
      for (int j = 0; j < w.length; j++) {
        raw[j] = w[j] / std[j];
        raw[w.length] -= w[j] * mean[j] / std[j];
      }
      return raw;
    }
  }

  /**
   * Binary logistic regression; {@code y} is 1 for the positive class, 0 otherwise.
   *
   * @return raw weights, then the bias
   */
  static double[] logistic(double[][] raw, int f, double[] y, double[] rowWeight, Settings s) {
    Standardisation st = Standardisation.of(raw, f);
    double[][] x = st.apply(raw);
    int n = x.length;
    double[] w = new double[f];
    double b = 0;
    int[] order = identity(n);
    Random random = new Random(s.seed());
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      for (int start = 0; start < n; start += s.batchSize()) {
        int end = Math.min(n, start + s.batchSize());
        double[] gw = new double[f];
        double gb = 0;
        for (int k = start; k < end; k++) {
          double[] xi = x[order[k]];
          double z = b;
          for (int j = 0; j < f; j++) {
            z += w[j] * xi[j];
          }
          double err = (1.0 / (1.0 + Math.exp(-z)) - y[order[k]]) * rowWeight[order[k]];
          for (int j = 0; j < f; j++) {
            gw[j] += err * xi[j];
          }
          gb += err;
        }
        int m = end - start;
        for (int j = 0; j < f; j++) {
          w[j] -= s.learningRate() * (gw[j] / m + s.l2() * w[j]);
        }
        b -= s.learningRate() * gb / m;
      }
    }
    return st.fold(w, b);
  }

  /**
   * Multinomial logistic regression; {@code y[i]} is the class index of row i.
   *
   * @return per class, raw weights then the bias
   */
  static double[][] softmax(
      double[][] raw, int f, int[] y, int classes, double[] rowWeight, Settings s) {
    Standardisation st = Standardisation.of(raw, f);
    double[][] x = st.apply(raw);
    int n = x.length;
    double[][] w = new double[classes][f];
    double[] b = new double[classes];
    int[] order = identity(n);
    Random random = new Random(s.seed());
    double[] p = new double[classes];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      shuffle(order, random);
      for (int start = 0; start < n; start += s.batchSize()) {
        int end = Math.min(n, start + s.batchSize());
        double[][] gw = new double[classes][f];
        double[] gb = new double[classes];
        for (int k = start; k < end; k++) {
          int row = order[k];
          double[] xi = x[row];
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < classes; c++) {
            double z = b[c];
            for (int j = 0; j < f; j++) {
              z += w[c][j] * xi[j];
            }
            p[c] = z;
            max = Math.max(max, z);
          }
          double sum = 0;
          for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
          }
          for (int c = 0; c < classes; c++) {
            double err = (p[c] / sum - (y[row] == c ? 1 : 0)) * rowWeight[row];
            for (int j = 0; j < f; j++) {
              gw[c][j] += err * xi[j];
            }
            gb[c] += err;
          }
        }
        int m = end - start;
        for (int c = 0; c < classes; c++) {
          for (int j = 0; j < f; j++) {
            w[c][j] -= s.learningRate() * (gw[c][j] / m + s.l2() * w[c][j]);
          }
          b[c] -= s.learningRate() * gb[c] / m;
        }
      }
    }
    double[][] out = new double[classes][];
    for (int c = 0; c < classes; c++) {
      out[c] = st.fold(w[c], b[c]);
    }
    return out;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
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
