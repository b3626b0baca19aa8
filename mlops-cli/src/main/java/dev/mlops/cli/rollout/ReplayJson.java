package dev.mlops.cli.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.ObjectiveVerdict;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The JSON of {@code rollout replay}: {@code {"outcome", "steps": [{"index", "weight", "shadow",
 * "requests", "gates": [{"metric", "verdict", "candidate", "primary", "threshold", "samples",
 * "reason"}]}], "events": [...]}}; unmeasured numbers are {@code null}. Stateless.
 */
final class ReplayJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReplayJson() {}

  static String render(String outcome, Collection<StepRecord> steps, List<RolloutEvent> events) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("outcome", outcome);
    ArrayNode stepNodes = root.putArray("steps");
    for (StepRecord s : steps) {
      ObjectNode n = stepNodes.addObject();
      n.put("index", s.index);
      n.put("weight", s.weightBps / (double) RolloutStep.FULL_WEIGHT_BPS);
      n.put("shadow", s.shadow);
      n.put("requests", s.requests);
      ArrayNode gates = n.putArray("gates");
      for (ObjectiveVerdict v : s.gates) {
        ObjectNode g = gates.addObject();
        g.put("metric", v.objective().metric());
        g.put("verdict", v.verdict().name());
        number(g, "candidate", v.candidate());
        number(g, "primary", v.baseline());
        number(g, "threshold", Double.isNaN(v.threshold()) ? OptionalDouble.empty() : OptionalDouble.of(v.threshold()));
        g.put("samples", v.samples());
        g.put("reason", v.reason());
      }
    }
    ArrayNode eventNodes = root.putArray("events");
    for (RolloutEvent e : events) {
      ObjectNode n = eventNodes.addObject();
      n.put("time", e.time().toString());
      if (e instanceof RolloutTransition t) {
        n.put("type", "transition");
        n.put("kind", t.kind().name());
        n.put("step", t.step());
        n.put("state", t.state().name());
        n.put("reason", t.reason());
      } else if (e instanceof GatesEvaluated g) {
        n.put("type", "gates");
        n.put("step", g.step());
        n.put("verdict", g.overall().name());
        n.put("failures", g.failures());
        n.put("requests", g.requests());
        n.put("candidateRequests", g.candidateRequests());
        n.put("reason", g.reason());
      }
    }
    return root.toString();
  }

  private static void number(ObjectNode n, String field, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      n.put(field, value.getAsDouble());
    } else {
      n.putNull(field);
    }
  }
}
