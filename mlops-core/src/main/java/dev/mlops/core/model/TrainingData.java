package dev.mlops.core.model;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FittedPipeline;
import dev.mlops.data.Dataset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training set prepared for the trainers: the pipeline fitted on the data, the feature matrix,
 * the label text per row and the sorted classes. Immutable once built; not shared.
 */
final class TrainingData {
  final FittedPipeline pipeline;
  final double[][] x;
  final String[] labels;

  private TrainingData(FittedPipeline pipeline, double[][] x, String[] labels) {
    this.pipeline = pipeline;
    this.x = x;
    this.labels = labels;
  }

  /**
   * Fits the pipeline and reads the label's text per row (integral numbers without a fraction).
   *
   * @throws IllegalArgumentException if the pipeline reads the label or a label is missing
   */
  static TrainingData of(Dataset data, String label, FeaturePipeline pipeline) {
    if (pipeline.columns().containsKey(label)) {
      throw new IllegalArgumentException(
          "the pipeline reads the label column '" + label + "'; a feature cannot be the label");
    }
    data.column(label);
    FittedPipeline fitted = pipeline.fit(data);
    return new TrainingData(fitted, fitted.matrix(data), labels(data, label));
  }

  static String[] labels(Dataset data, String label) {
    String[] out = new String[data.rowCount()];
    for (int i = 0; i < out.length; i++) {
      String v = data.row(i).getString(label);
      if (v == null) {
        throw new IllegalArgumentException("label '" + label + "' is missing in row " + i);
      }
      out[i] = v;
    }
    return out;
  }

  /** Returns the distinct labels sorted: numerically when all are numbers, else as text. */
  static List<String> classes(String[] labels) {
    boolean numeric = true;
    for (String l : labels) {
      numeric &= isNumber(l);
    }
    Comparator<String> order = numeric
        ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder();
    TreeSet<String> sorted = new TreeSet<>(order);
    for (String l : labels) {
      sorted.add(l);
    }
    return new ArrayList<>(sorted);
  }

  /**
   * Returns each row's weight: its class's weight, 1 for a class not in {@code classWeights}.
   *
   * @throws IllegalArgumentException if a weight is not positive and finite or names no class
   */
  static double[] rowWeights(String[] labels, List<String> classes, Map<String, Double> weights) {
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!classes.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "class weight for '" + e.getKey() + "', which is not a class of " + classes);
      }
    }
    double[] out = new double[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weights.getOrDefault(labels[i], 1.0);
    }
    return out;
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
