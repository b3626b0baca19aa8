package dev.mlops.core.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.evaluation.AveragedMetrics;
import dev.mlops.evaluation.BaselineComparison;
import dev.mlops.evaluation.CalibrationBin;
import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ConfidenceInterval;
import dev.mlops.evaluation.ErrorAnalysis;
import dev.mlops.evaluation.ErrorGroup;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.PrioritizationRow;
import dev.mlops.evaluation.PrioritizationTable;
import dev.mlops.evaluation.Quantile;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes evaluation results as JSON with snake_case field names. A metric is an object
 * {@code {"value": number|null, "status": "DEFINED"|"ZERO_DIVISION"|"UNDEFINED", "reason": text}}
 * so an undefined metric is {@code null} with its reason, never a NaN. Classification and
 * regression reports also carry {@code key_metrics}: the headline metrics under their
 * {@code KeyMetrics} names, exactly the keys {@link EvaluationLogger} logs to a run.
 *
 * <p>Stateless and thread-safe.
 */
public final class EvaluationJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationJson() {}

  /** Returns the classification report as JSON. */
  public static String toJson(ClassificationReport r) {
    return write(node(r));
  }

  /** Returns the regression report as JSON. */
  public static String toJson(RegressionReport r) {
    return write(node(r));
  }

  /** Returns the slice report as JSON. */
  public static String toJson(SliceReport r) {
    return write(node(r));
  }

  /** Returns the error analysis as JSON. */
  public static String toJson(ErrorAnalysis r) {
    return write(node(r));
  }

  /** Returns the prioritization table as JSON. */
  public static String toJson(PrioritizationTable r) {
    return write(node(r));
  }

  /** Returns the baseline comparison as JSON. */
  public static String toJson(BaselineComparison r) {
    return write(node(r));
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode keyMetrics(Map<String, MetricValue> values) {
    ObjectNode o = MAPPER.createObjectNode();
    values.forEach((name, value) -> o.set(name, metric(value)));
    return o;
  }

  static ObjectNode metric(MetricValue v) {
    ObjectNode o = MAPPER.createObjectNode();
    if (v.isDefined()) {
      o.put("value", v.value());
    } else {
      o.putNull("value");
    }
    o.put("status", v.status().name());
    o.put("reason", v.reason());
    return o;
  }

  private static ObjectNode averaged(AveragedMetrics a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("precision", metric(a.precision()));
    o.set("recall", metric(a.recall()));
    o.set("f1", metric(a.f1()));
    return o;
  }

  static ObjectNode node(ClassificationReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("examples", r.examples());
    o.set("labels", strings(r.labels()));
    ArrayNode cm = o.putArray("confusion_matrix");
    for (long[] row : r.confusionMatrix().toArray()) {
      ArrayNode a = cm.addArray();
      for (long c : row) {
        a.add(c);
      }
    }
    o.put("accuracy", r.accuracy());
    o.put("majority_class_accuracy", r.majorityClassAccuracy());
    ArrayNode per = o.putArray("per_class");
    for (ClassMetrics c : r.perClass()) {
      ObjectNode p = per.addObject();
      p.put("label", c.label());
      p.put("support", c.support());
      p.put("predicted", c.predicted());
      p.set("precision", metric(c.precision()));
      p.set("recall", metric(c.recall()));
      p.set("f1", metric(c.f1()));
    }
    o.set("macro", averaged(r.macro()));
    o.set("micro", averaged(r.micro()));
    o.set("weighted", averaged(r.weighted()));
    r.positiveLabel().ifPresent(p -> o.put("positive_label", p));
    o.set("roc_auc", metric(r.rocAuc()));
    o.set("roc_auc_weighted", metric(r.rocAucWeighted()));
    o.set("average_precision", metric(r.averagePrecision()));
    o.set("log_loss", metric(r.logLoss()));
    o.set("brier_score", metric(r.brierScore()));
    ArrayNode cal = o.putArray("calibration");
    for (CalibrationBin b : r.calibration()) {
      ObjectNode c = cal.addObject();
      c.put("lower", b.lower());
      c.put("upper", b.upper());
      c.put("count", b.count());
      c.put("mean_predicted", b.meanPredicted());
      c.put("fraction_positive", b.fractionPositive());
    }
    o.set("warnings", strings(r.warnings()));
    o.set("key_metrics", keyMetrics(KeyMetricValues.of(r)));
    return o;
  }

  static ObjectNode node(RegressionReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("examples", r.examples());
    o.put("mae", r.mae());
    o.put("rmse", r.rmse());
    o.put("mape", r.mape());
    o.set("r2", metric(r.r2()));
    ArrayNode q = o.putArray("abs_error_quantiles");
    for (Quantile quantile : r.absErrorQuantiles()) {
      q.addObject().put("level", quantile.level()).put("value", quantile.value());
    }
    o.set("key_metrics", keyMetrics(KeyMetricValues.of(r)));
    return o;
  }

  static ObjectNode node(SliceReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("metric", r.metric());
    o.put("higher_is_better", r.higherIsBetter());
    o.put("examples", r.examples());
    o.set("overall", metric(r.overall()));
    interval(o, r.overallInterval());
    o.put("min_slice_size", r.minSliceSize());
    o.put("seed", r.seed());
    ArrayNode slices = o.putArray("slices");
    for (SliceResult s : r.slices()) {
      ObjectNode n = slices.addObject();
      n.put("name", s.name());
      n.put("size", s.size());
      n.put("share", s.share());
      n.set("metric", metric(s.metric()));
      interval(n, s.interval());
      n.put("status", s.status().name());
    }
    return o;
  }

  private static void interval(ObjectNode o, Optional<ConfidenceInterval> ci) {
    if (ci.isPresent()) {
      ObjectNode n = o.putObject("interval");
      n.put("level", ci.get().level());
      n.put("lower", ci.get().lower());
      n.put("upper", ci.get().upper());
    } else {
      o.putNull("interval");
    }
  }

  static ObjectNode node(ErrorAnalysis r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("examples", r.examples());
    o.put("errors", r.errors());
    ArrayNode groups = o.putArray("groups");
    for (ErrorGroup g : r.groups()) {
      ObjectNode n = groups.addObject();
      n.put("tag", g.tag());
      n.put("tagged", g.tagged());
      n.put("errors", g.errors());
      n.put("error_rate", g.errorRate());
      n.put("share_of_errors", g.shareOfErrors());
      n.set("example_ids", strings(g.exampleIds()));
    }
    return o;
  }

  static ObjectNode node(PrioritizationTable t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("metric", t.metric());
    o.put("baseline", t.baselineName());
    o.put("examples", t.examples());
    ArrayNode rows = o.putArray("rows");
    for (PrioritizationRow r : t.rows()) {
      ObjectNode n = rows.addObject();
      n.put("group", r.group());
      n.put("size", r.size());
      n.put("share", r.share());
      n.put("metric", r.metric());
      n.put("baseline", r.baseline());
      n.put("gap", r.gap());
      n.put("potential_gain", r.potentialGain());
    }
    o.set("skipped", strings(t.skipped()));
    return o;
  }

  static ObjectNode node(BaselineComparison c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("metric", c.metric());
    o.set("baselines", strings(c.baselineNames()));
    ArrayNode rows = o.putArray("rows");
    for (BaselineComparison.Row r : c.rows()) {
      ObjectNode n = rows.addObject();
      n.put("group", r.group());
      n.put("size", r.size());
      n.set("model", metric(r.model()));
      ObjectNode b = n.putObject("baselines");
      for (String name : c.baselineNames()) {
        b.set(name, metric(r.baselines().get(name)));
      }
    }
    return o;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }
}
