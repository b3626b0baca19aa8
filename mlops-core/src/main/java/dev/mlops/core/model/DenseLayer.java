package dev.mlops.core.model;

import java.util.Objects;

/**
 * The weights of one fully connected layer, {@code y = W x + b}.
 *
 * <p>Copies its arrays on construction; the accessors return those copies without copying again,
 * so treat them as read-only. Thread-safe while nobody writes to them.
 *
 * @param weights {@code [outputs][inputs]}, row per output unit; all rows of equal length
 * @param bias one value per output unit
 */
public record DenseLayer(double[][] weights, double[] bias) {

  /**
   * Copies and checks the weights.
   *
   * @throws IllegalArgumentException if there are no units, rows differ in length, or the bias
   *     length differs from the number of rows
   */
  public DenseLayer {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(bias, "bias");
    if (weights.length == 0 || weights[0].length == 0) {
      throw new IllegalArgumentException("a layer needs at least one unit and one input");
    }
    double[][] copy = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].length != weights[0].length) {
        throw new IllegalArgumentException(
            "weight row " + i + " has " + weights[i].length + " inputs, expected "
                + weights[0].length);
      }
      copy[i] = weights[i].clone();
    }
    if (bias.length != weights.length) {
      throw new IllegalArgumentException(
          "bias has " + bias.length + " values, expected one per unit: " + weights.length);
    }
    weights = copy;
    bias = bias.clone();
  }

  /** Returns the number of inputs. */
  public int inputs() {
    return weights[0].length;
  }

  /** Returns the number of output units. */
  public int outputs() {
    return weights.length;
  }

  /** Returns {@code W x + b} in double precision. */
  public double[] apply(double[] x) {
    double[] y = new double[outputs()];
    for (int o = 0; o < y.length; o++) {
      double s = bias[o];
      for (int i = 0; i < x.length; i++) {
        s += weights[o][i] * x[i];
      }
      y[o] = s;
    }
    return y;
  }

  /** Returns a copy of the weight matrix. */
  @Override
  public double[][] weights() {
    double[][] copy = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      copy[i] = weights[i].clone();
    }
    return copy;
  }

  /** Returns a copy of the bias. */
  @Override
  public double[] bias() {
    return bias.clone();
  }

  float[] flatWeights() {
    float[] out = new float[outputs() * inputs()];
    for (int o = 0; o < outputs(); o++) {
      for (int i = 0; i < inputs(); i++) {
        out[o * inputs() + i] = (float) weights[o][i];
      }
    }
    return out;
  }

  float[] floatBias() {
    float[] out = new float[bias.length];
    for (int i = 0; i < bias.length; i++) {
      out[i] = (float) bias[i];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseLayer other
        && java.util.Arrays.deepEquals(weights, other.weights)
        && java.util.Arrays.equals(bias, other.bias);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.deepHashCode(weights) + java.util.Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "DenseLayer[" + inputs() + " -> " + outputs() + "]";
  }
}
