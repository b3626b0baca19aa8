package dev.mlops.core.evaluation;

import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.LongTailReport;
import dev.mlops.evaluation.OperatingPoint;
import dev.mlops.evaluation.RegressionReport;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point of the metrics: classification and regression reports with scikit-learn 1.2's
 * definitions, the long-tail report and operating thresholds of a binary score.
 *
 * <p>Stateless and thread-safe.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Computes the classification report with the default {@link EvaluationConfig}.
   *
   * @see #classification(EvaluationData, EvaluationConfig)
   */
  public static ClassificationReport classification(EvaluationData data) {
    return classification(data, EvaluationConfig.defaults());
  }

  /**
   * Computes confusion matrix, accuracy, per-class and averaged precision/recall/F1, and, when
   * the data has scores, ROC-AUC, average precision, log loss, Brier score and calibration.
   * Metrics the data does not define are {@code UNDEFINED} values with a reason; notes such as a
   * misleading accuracy on skewed data are in {@link ClassificationReport#warnings()}.
   */
  public static ClassificationReport classification(EvaluationData data, EvaluationConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    return ClassificationMetrics.report(data, config);
  }

  /**
   * Computes MAE, RMSE, MAPE, R2 and absolute-error quantiles with the default config.
   *
   * @throws IllegalArgumentException see {@link #regression(double[], double[], EvaluationConfig)}
   */
  public static RegressionReport regression(double[] actual, double[] predicted) {
    return regression(actual, predicted, EvaluationConfig.defaults());
  }

  /**
   * Computes MAE, RMSE, MAPE, R2 and absolute-error quantiles.
   *
   * @param actual the actual values
   * @param predicted the predictions, one per actual value
   * @param config settings (the quantile levels)
   * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or a value is
   *     NaN or infinite (naming the row)
   */
  public static RegressionReport regression(
      double[] actual, double[] predicted, EvaluationConfig config) {
    checkRegression(actual, predicted);
    Objects.requireNonNull(config, "config");
    return RegressionMetrics.report(actual, predicted, config);
  }

  /**
   * Reports the metrics on the long tail of a continuous target: the examples with
   * {@code actual > threshold}, e.g. deliveries slower than the business's 60 minutes.
   *
   * @param threshold the business threshold
   * @throws IllegalArgumentException as {@link #regression(double[], double[], EvaluationConfig)},
   *     or if the threshold is NaN
   */
  public static LongTailReport longTail(
      double[] actual, double[] predicted, double threshold, EvaluationConfig config) {
    checkRegression(actual, predicted);
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must be a number, was NaN");
    }
    int tail = 0;
    for (double a : actual) {
      if (a > threshold) {
        tail++;
      }
    }
    double[] ta = new double[tail];
    double[] tp = new double[tail];
    int j = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] > threshold) {
        ta[j] = actual[i];
        tp[j++] = predicted[i];
      }
    }
    Optional<RegressionReport> tailReport =
        tail == 0 ? Optional.empty() : Optional.of(RegressionMetrics.report(ta, tp, config));
    return new LongTailReport(
        threshold, tail, (double) tail / actual.length, tailReport,
        RegressionMetrics.report(actual, predicted, config));
  }

  /**
   * Finds the threshold on the binary score with the highest recall whose precision is at least
   * {@code targetPrecision}; ties go to the highest threshold.
   *
   * @return the operating point, empty if no threshold reaches the target
   * @throws IllegalArgumentException if the data has no binary scores or the target is not in
   *     [0, 1]
   */
  public static Optional<OperatingPoint> thresholdForPrecision(
      EvaluationData data, double targetPrecision) {
    return RankingMetrics.forPrecision(curve(data, "targetPrecision", targetPrecision), targetPrecision);
  }

  /**
   * Finds the threshold on the binary score with the highest precision whose recall is at least
   * {@code targetRecall}; ties go to the highest threshold.
   *
   * @return the operating point, empty if no threshold reaches the target
   * @throws IllegalArgumentException if the data has no binary scores or the target is not in
   *     [0, 1]
   */
  public static Optional<OperatingPoint> thresholdForRecall(EvaluationData data, double targetRecall) {
    return RankingMetrics.forRecall(curve(data, "targetRecall", targetRecall), targetRecall);
  }

  private static RankingMetrics.Curve curve(EvaluationData data, String name, double target) {
    if (!(target >= 0 && target <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + target);
    }
    String positive = data.positiveLabel().orElseThrow(
        () -> new IllegalArgumentException(
            "an operating threshold needs binary scores; build the data with scores(...)"));
    double[] s = data.scoresUnsafe();
    boolean[] y = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      y[i] = data.actual(i).equals(positive);
    }
    return RankingMetrics.curve(y, s);
  }

  private static void checkRegression(double[] actual, double[] predicted) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "predicted has " + predicted.length + " values but actual has " + actual.length);
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no examples: actual and predicted are empty");
    }
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isFinite(actual[i])) {
        throw new IllegalArgumentException("actual value at row " + i + " is " + actual[i]
            + "; regression metrics need finite values");
      }
      if (!Double.isFinite(predicted[i])) {
        throw new IllegalArgumentException("predicted value at row " + i + " is " + predicted[i]
            + "; a missing prediction must be removed or imputed explicitly");
      }
    }
  }
}
