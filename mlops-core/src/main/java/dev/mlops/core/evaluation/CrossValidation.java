package dev.mlops.core.evaluation;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.model.Trainer;
import dev.mlops.data.Dataset;
import dev.mlops.model.Model;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Stratified k-fold cross-validation for small data: every row is tested once, each fold keeps
 * the class proportions, the pipeline and model are refitted on the other folds (so nothing of a
 * test fold leaks into its features), and each metric is reported with the mean over folds and a
 * Student-t confidence interval. Better than one small test split, whose score swings with the
 * rows that happen to land in it. Stateless and thread-safe.
 */
public final class CrossValidation {

  /** Default number of folds: {@value} (scikit-learn's {@code cross_val_score} default). */
  public static final int DEFAULT_FOLDS = 5;
  /** Level of the reported confidence intervals: {@value}. */
  public static final double CONFIDENCE_LEVEL = 0.95;

  private CrossValidation() {}

  /**
   * The mean of a metric over folds with its interval.
   *
   * <p>Immutable and thread-safe.
   *
   * @param mean the mean over folds
   * @param std the sample standard deviation over folds
   * @param interval the {@value #CONFIDENCE_LEVEL} Student-t interval of the mean
   * @param perFold the value of each fold
   */
  public record MetricSummary(
      double mean, double std, ConfidenceInterval interval, List<Double> perFold) {
    /** Copies the list. */
    public MetricSummary {
      perFold = List.copyOf(perFold);
    }

    static MetricSummary of(List<Double> values) {
      int k = values.size();
      double mean = values.stream().mapToDouble(Double::doubleValue).sum() / k;
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      double std = k > 1 ? Math.sqrt(ss / (k - 1)) : 0;
      double t = new TDistribution(Math.max(1, k - 1)).inverseCumulativeProbability(
          1 - (1 - CONFIDENCE_LEVEL) / 2);
      double half = t * std / Math.sqrt(k);
      return new MetricSummary(mean, std,
          new ConfidenceInterval(CONFIDENCE_LEVEL, mean - half, mean + half), values);
    }
  }

  /**
   * The reports of every fold and the summaries of the headline metrics.
   *
   * <p>Immutable and thread-safe.
   *
   * @param folds the report of each fold, tested on its held-out rows
   * @param metrics metric name ({@code accuracy}, {@code macro_f1}, and {@code roc_auc} when
   *     every fold defines it) to its summary
   */
  public record Report(List<ClassificationReport> folds, Map<String, MetricSummary> metrics) {
    /** Copies. */
    public Report {
      folds = List.copyOf(folds);
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Returns the summary of a metric. */
    public MetricSummary metric(String name) {
      MetricSummary s = metrics.get(name);
      if (s == null) {
        throw new IllegalArgumentException(
            "no metric '" + name + "'; metrics: " + metrics.keySet());
      }
      return s;
    }
  }

  /**
   * Runs stratified k-fold cross-validation of a classifier.
   *
   * @param folds number of folds, {@code >= 2} and at most the size of the smallest class
   * @param seed seed of the row shuffle within each class
   * @throws IllegalArgumentException if {@code folds} is out of range or the label is missing
   */
  public static Report stratified(
      Trainer trainer, Dataset data, String label, FeaturePipeline pipeline, int folds,
      long seed) {
    Objects.requireNonNull(trainer, "trainer");
    int[] fold = stratifiedFolds(ModelEvaluation.labels(data, label), folds, seed);
    List<ClassificationReport> reports = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      Dataset train = data.selectRows(rows(fold, f, false));
      Dataset test = data.selectRows(rows(fold, f, true));
      try (Model model = trainer.fit(train, label, pipeline)) {
        reports.add(ModelEvaluation.classification(model, test, label));
      }
    }
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", summary(reports, ClassificationReport::accuracy));
    metrics.put("macro_f1", summary(reports, r -> r.macro().f1().value()));
    if (reports.stream().allMatch(r -> r.rocAuc().isDefined())) {
      metrics.put("roc_auc", summary(reports, r -> r.rocAuc().value()));
    }
    return new Report(reports, metrics);
  }

  /**
   * Returns each row's fold: rows of each class are shuffled and dealt to the folds in turn, so
   * every fold holds each class's share to within one row.
   */
  static int[] stratifiedFolds(List<String> labels, int folds, long seed) {
    Map<String, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
    }
    int smallest = byClass.values().stream().mapToInt(List::size).min().orElse(0);
    if (folds < 2 || folds > smallest) {
      throw new IllegalArgumentException("folds must be in [2, " + smallest
          + "] (the size of the smallest class), was " + folds);
    }
    int[] fold = new int[labels.size()];
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> rows : byClass.values()) {
      Collections.shuffle(rows, random);
      for (int row : rows) {
        fold[row] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  private static int[] rows(int[] fold, int f, boolean in) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == f) == in) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static MetricSummary summary(
      List<ClassificationReport> reports, ToDoubleFunction<ClassificationReport> metric) {
    List<Double> values = new ArrayList<>();
    reports.forEach(r -> values.add(metric.applyAsDouble(r)));
    return MetricSummary.of(values);
  }
}
