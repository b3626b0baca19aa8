package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * Regression metrics with scikit-learn 1.2's definitions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param examples number of examples
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error as a fraction, {@code |y - p| / max(|y|, eps)} with
 *     eps = 2^-52 (scikit-learn's guard against a zero target), so not in percent
 * @param r2 coefficient of determination; for a constant target scikit-learn's
 *     {@code force_finite} convention (1 if the predictions are perfect, else 0) marked {@link
 *     MetricStatus#ZERO_DIVISION}
 * @param absErrorQuantiles quantiles of the absolute error (NumPy's linear interpolation)
 */
public record RegressionReport(
    int examples, double mae, double rmse, double mape, MetricValue r2, List<Quantile> absErrorQuantiles) {
  /** Copies the list and checks arguments. */
  public RegressionReport {
    Objects.requireNonNull(r2, "r2");
    absErrorQuantiles = List.copyOf(absErrorQuantiles);
  }
}
