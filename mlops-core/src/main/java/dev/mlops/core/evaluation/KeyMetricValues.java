package dev.mlops.core.evaluation;

import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.scoping.KeyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline metrics of a report under their {@link KeyMetrics} names, the one place that
 * decides which numbers evaluation publishes: {@link EvaluationLogger} logs exactly these to runs
 * and {@link EvaluationJson} writes exactly these under {@code key_metrics}. Stateless.
 */
final class KeyMetricValues {
  private KeyMetricValues() {}

  static Map<String, MetricValue> of(ClassificationReport r) {
    Map<String, MetricValue> m = new LinkedHashMap<>();
    m.put(KeyMetrics.ACCURACY, MetricValue.of(r.accuracy()));
    m.put(KeyMetrics.PRECISION_MACRO, r.macro().precision());
    m.put(KeyMetrics.RECALL_MACRO, r.macro().recall());
    m.put(KeyMetrics.F1_MACRO, r.macro().f1());
    m.put(KeyMetrics.F1_WEIGHTED, r.weighted().f1());
    m.put(KeyMetrics.ROC_AUC, r.rocAuc());
    m.put(KeyMetrics.AVERAGE_PRECISION, r.averagePrecision());
    m.put(KeyMetrics.LOG_LOSS, r.logLoss());
    m.put(KeyMetrics.BRIER_SCORE, r.brierScore());
    for (ClassMetrics c : r.perClass()) {
      m.put(KeyMetrics.taggedKey(KeyMetrics.PRECISION, KeyMetrics.TAG_CLASS, c.label()),
          c.precision());
      m.put(KeyMetrics.taggedKey(KeyMetrics.RECALL, KeyMetrics.TAG_CLASS, c.label()), c.recall());
    }
    return m;
  }

  static Map<String, MetricValue> of(RegressionReport r) {
    Map<String, MetricValue> m = new LinkedHashMap<>();
    m.put(KeyMetrics.MAE, MetricValue.of(r.mae()));
    m.put(KeyMetrics.RMSE, MetricValue.of(r.rmse()));
    m.put(KeyMetrics.MAPE, MetricValue.of(r.mape()));
    m.put(KeyMetrics.R2, r.r2());
    return m;
  }
}
