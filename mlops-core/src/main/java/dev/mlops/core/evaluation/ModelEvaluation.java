package dev.mlops.core.evaluation;

import dev.mlops.data.Dataset;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Model} over a labeled dataset and computes the same reports as {@link
 * Evaluation}, so trained models and quick baselines are compared on equal terms. Stateless and
 * thread-safe.
 */
public final class ModelEvaluation {
  private ModelEvaluation() {}

  /**
   * Predicts every row and reports classification metrics; class probabilities are used when the
   * model returns them for every row.
   *
   * @throws IllegalArgumentException if the label is absent or missing in a row, or a prediction
   *     has no label
   */
  public static ClassificationReport classification(Model model, Dataset data, String label) {
    Objects.requireNonNull(model, "model");
    List<String> actual = labels(data, label);
    List<String> predicted = new ArrayList<>();
    List<String> classes = null;
    double[][] probabilities = new double[data.rowCount()][];
    for (int i = 0; i < data.rowCount(); i++) {
      Prediction p = model.predict(data.row(i));
      predicted.add(p.label().orElseThrow(() -> new IllegalArgumentException(
          "model '" + model.name() + "' gave no label; it is not a classifier")));
      List<String> keys = List.copyOf(p.probabilities().keySet());
      if (i == 0) {
        classes = keys;
      }
      if (classes != null && keys.equals(classes) && !keys.isEmpty()) {
        probabilities[i] = keys.stream().mapToDouble(k -> p.probabilities().get(k)).toArray();
      } else {
        classes = null;
      }
    }
    EvaluationData.Builder b = EvaluationData.builder().actual(actual).predicted(predicted);
    if (classes != null && classes.size() == 2) {
      double[] scores = new double[probabilities.length];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = probabilities[i][1];
      }
      b.scores(scores, classes.get(1));
    } else if (classes != null) {
      b.probabilities(classes, probabilities);
    }
    return Evaluation.classification(b.build());
  }

  /**
   * Predicts every row and reports regression metrics.
   *
   * @throws IllegalArgumentException if the label is absent, not numeric or missing, or a
   *     prediction has no score
   */
  public static RegressionReport regression(Model model, Dataset data, String label) {
    double[] actual = data.numeric(label).toArray();
    double[] predicted = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      predicted[i] = model.predict(data.row(i)).score().orElseThrow(() ->
          new IllegalArgumentException("model '" + model.name() + "' gave no score"));
    }
    return Evaluation.regression(actual, predicted);
  }

  static List<String> labels(Dataset data, String label) {
    data.column(label);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < data.rowCount(); i++) {
      String v = data.row(i).getString(label);
      if (v == null) {
        throw new IllegalArgumentException("label '" + label + "' is missing in row " + i);
      }
      out.add(v);
    }
    return out;
  }
}
