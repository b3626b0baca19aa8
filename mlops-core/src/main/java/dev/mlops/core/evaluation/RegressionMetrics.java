package dev.mlops.core.evaluation;

import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.Quantile;
import dev.mlops.evaluation.RegressionReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Computes a {@link RegressionReport} with scikit-learn 1.2's definitions. */
final class RegressionMetrics {
  /** scikit-learn's mean_absolute_percentage_error guard: np.finfo(np.float64).eps = 2^-52. */
  static final double MAPE_EPS = Math.ulp(1.0);

  private RegressionMetrics() {}

  static RegressionReport report(double[] actual, double[] predicted, EvaluationConfig config) {
    int n = actual.length;
    double[] abs = new double[n];
    double[] sq = new double[n];
    double[] pct = new double[n];
    for (int i = 0; i < n; i++) {
      double e = actual[i] - predicted[i];
      abs[i] = Math.abs(e);
      sq[i] = e * e;
      pct[i] = abs[i] / Math.max(Math.abs(actual[i]), MAPE_EPS);
    }
    double mse = NumpyMath.mean(sq);
    double[] sorted = abs.clone();
    Arrays.sort(sorted);
    List<Quantile> quantiles = new ArrayList<>();
    for (double q : config.absErrorQuantiles()) {
      quantiles.add(new Quantile(q, NumpyMath.quantileOfSorted(sorted, q)));
    }
    return new RegressionReport(
        n, NumpyMath.mean(abs), Math.sqrt(mse), NumpyMath.mean(pct), r2(actual, sq), quantiles);
  }

  /** r2_score with force_finite=True (scikit-learn 1.1+ default) for a constant target. */
  private static MetricValue r2(double[] actual, double[] squaredErrors) {
    double mean = NumpyMath.mean(actual);
    double[] dev = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      double d = actual[i] - mean;
      dev[i] = d * d;
    }
    double numerator = NumpyMath.sum(squaredErrors);
    double denominator = NumpyMath.sum(dev);
    if (denominator == 0) {
      return MetricValue.zeroDivision(
          numerator == 0 ? 1.0 : 0.0,
          "the actual values are constant; R2 follows scikit-learn's force_finite convention");
    }
    return MetricValue.of(1 - numerator / denominator);
  }
}
