package dev.mlops.cli.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JSON shapes of the runs subcommands (field names follow MLflow's: run_id, start_time, ...). */
final class RunJson {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunJson() {}

  static ObjectNode run(RunRecord r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("run_id", r.runId()).put("experiment", r.experimentName()).put("run_name", r.runName())
        .put("status", r.status().name()).put("start_time", r.startTime().toString());
    r.endTime().ifPresent(t -> n.put("end_time", t.toString()));
    r.parentRunId().ifPresent(p -> n.put("parent_run_id", p));
    ObjectNode params = n.putObject("params");
    new TreeMap<>(r.params()).forEach(params::put);
    ObjectNode metrics = n.putObject("metrics");
    new TreeMap<>(r.latestMetrics()).forEach((k, p) -> putNumber(metrics.putObject(k), "value", p.value()).put("step", p.step())
        .put("timestamp", p.timestamp().toString()));
    ObjectNode tags = n.putObject("tags");
    new TreeMap<>(r.tags()).forEach(tags::put);
    ArrayNode inputs = n.putArray("inputs");
    r.inputs().forEach(i -> inputs.addObject().put("name", i.dataset().name()).put("digest", i.dataset().digest())
        .put("source", i.dataset().source()).put("rows", i.dataset().rowCount()).put("context", i.context()));
    return n;
  }

  static ObjectNode comparison(RunComparison c) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode ids = n.putArray("run_ids");
    c.runIds().forEach(ids::add);
    ObjectNode same = n.putObject("same_params");
    c.sameParams().forEach(same::put);
    ObjectNode differing = n.putObject("differing_params");
    c.differingParams().forEach((k, values) -> {
      ArrayNode a = differing.putArray(k);
      values.forEach(v -> {
        if (v.isPresent()) {
          a.add(v.get());
        } else {
          a.addNull();
        }
      });
    });
    ObjectNode metrics = n.putObject("metrics");
    c.metrics().forEach((k, summaries) -> {
      ArrayNode a = metrics.putArray(k);
      for (Optional<RunComparison.MetricSummary> s : summaries) {
        if (s.isEmpty()) {
          a.addNull();
          continue;
        }
        RunComparison.MetricSummary m = s.get();
        ObjectNode o = a.addObject();
        putNumber(o, "last", m.last()).put("last_step", m.lastStep());
        putNumber(o, "min", m.min()).put("min_step", m.minStep());
        putNumber(o, "max", m.max()).put("max_step", m.maxStep());
        o.put("count", m.count());
      }
    });
    return n;
  }

  /** JSON has no NaN or infinity: those are written as strings, as MLflow does. */
  static ObjectNode putNumber(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.put(field, Double.toString(v));
    }
    return o;
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
  }

  static String metrics(Map<String, MetricPoint> latest) {
    StringBuilder sb = new StringBuilder();
    latest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.getKey()).append('=').append(number(e.getValue().value()));
    });
    return sb.toString();
  }

  static String join(List<String> values) {
    return String.join(", ", values);
  }
}
