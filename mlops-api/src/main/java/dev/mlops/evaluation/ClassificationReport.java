package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Classification metrics with scikit-learn 1.2's definitions. Score-based metrics (ROC-AUC,
 * average precision, log loss, Brier score, calibration) are {@link MetricStatus#UNDEFINED} when
 * no scores were given or the data does not define them (e.g. a single class).
 *
 * <p>Immutable and thread-safe.
 *
 * @param examples number of examples
 * @param labels the classes, sorted, the union of actual and predicted labels (and score classes)
 * @param confusionMatrix counts of (actual, predicted)
 * @param accuracy share of correct predictions
 * @param perClass precision, recall, F1 and support per class, in {@code labels} order
 * @param macro unweighted mean over classes
 * @param micro from the summed counts (equals accuracy for single-label data)
 * @param weighted mean over classes weighted by support
 * @param positiveLabel the positive class of a binary score, if binary scores were given
 * @param rocAuc binary ROC-AUC, or one-vs-rest macro average for multi-class probabilities
 * @param rocAucWeighted one-vs-rest average weighted by support (equals {@code rocAuc} if binary)
 * @param averagePrecision binary average precision (step-wise, not interpolated), or its
 *     one-vs-rest macro average
 * @param logLoss cross-entropy with scikit-learn 1.2's clipping to [eps, 1-eps], eps = 2^-52
 * @param brierScore mean squared error of the positive-class probability (binary only, as in
 *     scikit-learn 1.2)
 * @param calibration non-empty uniform bins of the positive-class probability (binary only)
 * @param majorityClassAccuracy the accuracy of always predicting the most frequent actual class
 * @param warnings human-readable notes: a misleading accuracy on skewed data, labels never
 *     predicted, predicted labels never seen
 */
public record ClassificationReport(
    int examples,
    List<String> labels,
    ConfusionMatrix confusionMatrix,
    double accuracy,
    List<ClassMetrics> perClass,
    AveragedMetrics macro,
    AveragedMetrics micro,
    AveragedMetrics weighted,
    Optional<String> positiveLabel,
    MetricValue rocAuc,
    MetricValue rocAucWeighted,
    MetricValue averagePrecision,
    MetricValue logLoss,
    MetricValue brierScore,
    List<CalibrationBin> calibration,
    double majorityClassAccuracy,
    List<String> warnings) {

  /** Copies the lists and checks arguments. */
  public ClassificationReport {
    labels = List.copyOf(labels);
    Objects.requireNonNull(confusionMatrix, "confusionMatrix");
    perClass = List.copyOf(perClass);
    Objects.requireNonNull(macro, "macro");
    Objects.requireNonNull(micro, "micro");
    Objects.requireNonNull(weighted, "weighted");
    Objects.requireNonNull(positiveLabel, "positiveLabel");
    Objects.requireNonNull(rocAuc, "rocAuc");
    Objects.requireNonNull(rocAucWeighted, "rocAucWeighted");
    Objects.requireNonNull(averagePrecision, "averagePrecision");
    Objects.requireNonNull(logLoss, "logLoss");
    Objects.requireNonNull(brierScore, "brierScore");
    calibration = List.copyOf(calibration);
    warnings = List.copyOf(warnings);
  }

  /**
   * Returns the metrics of one class.
   *
   * @throws IllegalArgumentException if the label is not one of {@link #labels()}
   */
  public ClassMetrics classMetrics(String label) {
    return perClass.stream()
        .filter(c -> c.label().equals(label))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("label '" + label + "' is not one of " + labels));
  }
}
