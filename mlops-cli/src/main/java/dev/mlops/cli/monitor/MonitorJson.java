package dev.mlops.cli.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.WindowSummary;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract of {@code ./mlops monitor}: {@code {"windows": [...], "alerts": [...]}} with
 * the field names of the monitoring issue ({@code end} is one past the window's last row, so
 * {@code end - start == count}). A value that is not a number (NaN: no latency, no drift score
 * yet) is written as {@code null}.
 *
 * <p>Stateless and thread-safe.
 */
final class MonitorJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MonitorJson() {}

  static String toJson(List<WindowSummary> windows, List<AlertRaised> alerts) {
    ObjectNode root = NODES.objectNode();
    ArrayNode ws = root.putArray("windows");
    for (WindowSummary w : windows) {
      ObjectNode n = ws.addObject();
      n.put("index", w.index());
      n.put("start", w.startRow());
      n.put("end", w.endRow());
      n.put("count", w.count());
      number(n, "latencyP99Ms", w.latencyP99Ms());
      n.put("errors", w.errors());
      counts(n.putObject("missing"), w.missing());
      counts(n.putObject("outOfSpec"), w.outOfSpec());
      ObjectNode shares = n.putObject("classShare");
      w.classShare().forEach(shares::put);
      ObjectNode drift = n.putObject("drift");
      for (Map.Entry<String, FeatureDrift> e : w.drift().entrySet()) {
        ObjectNode d = drift.putObject(e.getKey());
        d.put("detector", e.getValue().detector());
        number(d, "score", e.getValue().score());
        d.put("drifted", e.getValue().drifted());
      }
      if (w.accuracy().isPresent()) {
        n.put("accuracy", w.accuracy().getAsDouble());
      } else {
        n.putNull("accuracy");
      }
    }
    ArrayNode as = root.putArray("alerts");
    for (AlertRaised a : alerts) {
      ObjectNode n = as.addObject();
      n.put("window", a.window());
      n.put("row", a.row());
      n.put("rule", a.rule());
      n.put("metric", a.metric());
      if (a.subject().isPresent()) {
        n.put("feature", a.subject().get());
      } else {
        n.putNull("feature");
      }
      number(n, "value", a.value());
      n.put("threshold", a.threshold());
      n.put("reason", a.reason());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  private static void counts(ObjectNode node, Map<String, Long> counts) {
    counts.forEach(node::put);
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}
