package dev.mlops.core.model;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Trains a {@link LinearRegression} by ridge least squares in closed form on standardised
 * features: {@code w = (XᵀX + n·l2·I)⁻¹ Xᵀy} on centred data, the intercept unpenalised (the
 * objective {@code mean squared error + l2·|w|²}, the penalty the gradient trainers use). Exact
 * and deterministic, so it has no iteration count or seed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param l2 L2 penalty on the weights, {@code >= 0}; 0 is ordinary least squares
 */
public record LinearRegressionTrainer(double l2) implements Trainer {

  /** Default L2 penalty: {@value}, the same as {@link LogisticRegressionTrainer#DEFAULT_L2}. */
  public static final double DEFAULT_L2 = LogisticRegressionTrainer.DEFAULT_L2;
  /** Name of the models this trainer returns: {@value}. */
  public static final String MODEL_NAME = "linear-regression";

  /**
   * Checks the setting.
   *
   * @throws IllegalArgumentException if {@code l2} is negative or NaN
   */
  public LinearRegressionTrainer {
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
    }
  }

  /** Starts a builder with the default penalty. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits {@code pipeline} on {@code data}, then the regression of the numeric {@code label} on
   * its outputs.
   *
   * @throws IllegalArgumentException if the label is absent, not numeric, missing in a row, read
   *     by the pipeline, or the features are collinear with {@code l2 = 0}
   * @throws dev.mlops.data.FeatureTransformException if the pipeline cannot be fitted
   */
  @Override
  public PipelineModel fit(Dataset data, String label, FeaturePipeline pipeline) {
    NumericColumn target = data.numeric(label);
    if (target.missingCount() > 0) {
      throw new IllegalArgumentException(
          "label '" + label + "' has " + target.missingCount() + " missing values");
    }
    TrainingData t = TrainingData.of(data, label, pipeline);
    int n = t.x.length;
    int f = t.pipeline.outputNames().size();
    double[] mean = new double[f];
    double[] std = new double[f];
    for (int j = 0; j < f; j++) {
      for (double[] row : t.x) {
        mean[j] += row[j] / n;
      }
      for (double[] row : t.x) {
        std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
      std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1.0;
    }
    double yMean = 0;
    for (int i = 0; i < n; i++) {
      yMean += target.value(i) / n;
    }
    RealMatrix gram = new Array2DRowRealMatrix(f, f);
    RealVector xty = new ArrayRealVector(f);
    for (int i = 0; i < n; i++) {
      double dy = target.value(i) - yMean;
      for (int a = 0; a < f; a++) {
        double za = (t.x[i][a] - mean[a]) / std[a];
        xty.addToEntry(a, za * dy);
        for (int b = 0; b < f; b++) {
          gram.addToEntry(a, b, za * (t.x[i][b] - mean[b]) / std[b]);
        }
      }
    }
    for (int a = 0; a < f; a++) {
      gram.addToEntry(a, a, n * l2);
    }
    RealVector z;
    try {
      z = new LUDecomposition(gram).getSolver().solve(xty);
    } catch (SingularMatrixException e) {
      throw new IllegalArgumentException(
          "the features " + t.pipeline.outputNames() + " are collinear; set l2 > 0", e);
    }
    double[] w = new double[f];
    double bias = yMean;
    for (int j = 0; j < f; j++) {
      w[j] = z.getEntry(j) / std[j];
      bias -= w[j] * mean[j];
    }
    return new PipelineModel(MODEL_NAME, "1", t.pipeline,
        new LinearRegression(t.pipeline.outputNames(), w, bias));
  }

  /** Builds {@link LinearRegressionTrainer}s. Not thread-safe. */
  public static final class Builder {
    private double l2 = DEFAULT_L2;

    private Builder() {}

    /** Sets the L2 penalty (regularisation strength). */
    public Builder l2(double value) {
      l2 = value;
      return this;
    }

    /** Builds the trainer, checking the setting. */
    public LinearRegressionTrainer build() {
      return new LinearRegressionTrainer(l2);
    }
  }
}
