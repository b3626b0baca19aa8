package dev.mlops.core.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.Objectives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and writes {@code PLAN.json}, the public plan format of {@code ./mlops rollout replay}:
 *
 * <pre>{@code
 * {"steps": [{"shadow": true, "requests": 500}, {"weight": 0.05, "requests": 500},
 *            {"weight": 0.5, "duration": "PT30M"}, {"weight": 1.0}],
 *  "gates": [{"metric": "shadow.agreement", "atLeast": 0.97, "minSamples": 200},
 *            {"metric": "latency.p99.ms", "atMostRelative": 1.5}],
 *  "failureLimit": 0, "hostMetrics": ["queue.depth"]}
 * }</pre>
 *
 * A step's {@code weight} is a fraction of the traffic in [0, 1] (stored in basis points, rounded
 * to the nearest); {@code requests} and the ISO-8601 {@code duration} set its analysis window. A
 * gate has its metric and exactly one of {@code atLeast}, {@code atMost}, {@code atMostRelative}
 * (a factor of the primary's value), {@code atLeastRelative} (a margin added to it), and optionally
 * {@code minSamples}. {@code failureLimit} (default 0) and {@code hostMetrics} are optional.
 *
 * <p>Stateless and thread-safe.
 */
public final class RolloutPlans {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> STEP_FIELDS = Set.of("shadow", "weight", "requests", "duration");
  private static final Set<String> GATE_FIELDS =
      Set.of("metric", "atLeast", "atMost", "atMostRelative", "atLeastRelative", "minSamples");

  private RolloutPlans() {}

  /**
   * Reads a plan file.
   *
   * @throws DataFormatException naming the file and the field at fault
   */
  public static RolloutPlan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses a plan.
   *
   * @param json the plan's JSON text
   * @param source where it came from, for messages
   * @throws DataFormatException naming the source and the field at fault
   */
  public static RolloutPlan parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DataFormatException(source,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), null,
          "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw problem(source, "a plan must be a JSON object with \"steps\" and \"gates\"");
    }
    try {
      RolloutPlan.Builder plan = RolloutPlan.builder();
      JsonNode steps = root.get("steps");
      if (steps == null || !steps.isArray() || steps.isEmpty()) {
        throw problem(source, "\"steps\" must be a non-empty array");
      }
      for (int i = 0; i < steps.size(); i++) {
        plan.step(step(steps.get(i), source, "steps[" + i + "]"));
      }
      JsonNode host = root.get("hostMetrics");
      if (host != null) {
        for (JsonNode h : host) {
          plan.hostMetric(h.asText());
        }
      }
      Objectives.Builder gates = Objectives.builder();
      JsonNode gateNodes = root.get("gates");
      if (gateNodes != null) {
        if (!gateNodes.isArray()) {
          throw problem(source, "\"gates\" must be an array");
        }
        for (int i = 0; i < gateNodes.size(); i++) {
          gates.add(gate(gateNodes.get(i), source, "gates[" + i + "]"));
        }
      }
      plan.gates(gates.build());
      JsonNode limit = root.get("failureLimit");
      if (limit != null) {
        if (!limit.canConvertToInt() || !limit.isIntegralNumber()) {
          throw problem(source, "\"failureLimit\" must be a whole number, was " + limit);
        }
        plan.failureLimit(limit.intValue());
      }
      return plan.build();
    } catch (IllegalArgumentException e) {
      throw problem(source, e.getMessage());
    }
  }

  private static RolloutStep step(JsonNode node, String source, String where) {
    if (!node.isObject()) {
      throw problem(source, where + " must be an object");
    }
    unknownFields(node, STEP_FIELDS, source, where);
    boolean shadow = node.path("shadow").asBoolean(false);
    int bps = 0;
    JsonNode weight = node.get("weight");
    if (weight != null) {
      if (!weight.isNumber() || !(weight.doubleValue() >= 0 && weight.doubleValue() <= 1)) {
        throw problem(source, where + ".weight must be a fraction in [0, 1] (0..10000 basis points), was "
            + weight);
      }
      bps = (int) Math.round(weight.doubleValue() * RolloutStep.FULL_WEIGHT_BPS);
    } else if (!shadow) {
      throw problem(source, where + " needs \"weight\" or \"shadow\": true");
    }
    OptionalLong requests = OptionalLong.empty();
    JsonNode r = node.get("requests");
    if (r != null) {
      if (!r.isIntegralNumber() || r.longValue() < 1) {
        throw problem(source, where + ".requests must be a whole number >= 1, was " + r);
      }
      requests = OptionalLong.of(r.longValue());
    }
    Optional<Duration> duration = Optional.empty();
    JsonNode d = node.get("duration");
    if (d != null) {
      try {
        duration = Optional.of(Duration.parse(d.asText()));
      } catch (DateTimeParseException e) {
        throw problem(source, where + ".duration must be ISO-8601 like \"PT30M\", was " + d);
      }
    }
    try {
      return new RolloutStep(shadow, bps, requests, duration);
    } catch (IllegalArgumentException e) {
      throw problem(source, where + ": " + e.getMessage());
    }
  }

  private static Objective gate(JsonNode node, String source, String where) {
    if (!node.isObject()) {
      throw problem(source, where + " must be an object");
    }
    unknownFields(node, GATE_FIELDS, source, where);
    JsonNode metric = node.get("metric");
    if (metric == null || !metric.isTextual()) {
      throw problem(source, where + ".metric must be a metric name");
    }
    Objective o = null;
    int bounds = 0;
    for (String kind : new String[] {"atLeast", "atMost", "atMostRelative", "atLeastRelative"}) {
      JsonNode v = node.get(kind);
      if (v == null) {
        continue;
      }
      if (!v.isNumber()) {
        throw problem(source, where + "." + kind + " must be a number, was " + v);
      }
      bounds++;
      double t = v.doubleValue();
      String m = metric.asText();
      try {
        o = switch (kind) {
          case "atLeast" -> Objective.atLeast(m, t);
          case "atMost" -> Objective.atMost(m, t);
          case "atMostRelative" -> Objective.atMostRelative(m, t);
          default -> Objective.atLeastRelative(m, t);
        };
      } catch (IllegalArgumentException e) {
        throw problem(source, where + ": " + e.getMessage());
      }
    }
    if (bounds != 1) {
      throw problem(source, where + " needs exactly one of atLeast, atMost, atMostRelative, "
          + "atLeastRelative; has " + bounds);
    }
    JsonNode min = node.get("minSamples");
    if (min != null) {
      if (!min.isIntegralNumber() || min.longValue() < 0) {
        throw problem(source, where + ".minSamples must be a whole number >= 0, was " + min);
      }
      o = o.withMinSamples(min.longValue());
    }
    return o;
  }

  private static void unknownFields(JsonNode node, Set<String> known, String source, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw problem(source, where + " has unknown field \"" + f + "\"; known: " + new java.util.TreeSet<>(known));
      }
    }
  }

  private static DataFormatException problem(String source, String message) {
    return new DataFormatException(source, 0, 0, null, message);
  }

  /** Writes a plan in the same format; {@link #parse} reads it back to an equal plan. */
  public static String toJson(RolloutPlan plan) {
    return toNode(plan).toString();
  }

  static ObjectNode toNode(RolloutPlan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    for (RolloutStep s : plan.steps()) {
      ObjectNode n = steps.addObject();
      if (s.shadow()) {
        n.put("shadow", true);
      } else {
        n.put("weight", s.weightBps() / (double) RolloutStep.FULL_WEIGHT_BPS);
      }
      s.requests().ifPresent(r -> n.put("requests", r));
      s.duration().ifPresent(d -> n.put("duration", d.toString()));
    }
    ArrayNode gates = root.putArray("gates");
    for (Objective o : plan.gates().objectives()) {
      ObjectNode g = gates.addObject();
      g.put("metric", o.metric());
      String kind = switch (o.reference()) {
        case FACTOR -> "atMostRelative";
        case MARGIN -> "atLeastRelative";
        default -> o.direction() == Objective.Direction.AT_LEAST ? "atLeast" : "atMost";
      };
      g.put(kind, o.target());
      if (o.minSamples() > 0) {
        g.put("minSamples", o.minSamples());
      }
    }
    root.put("failureLimit", plan.failureLimit());
    if (!plan.hostMetrics().isEmpty()) {
      ArrayNode host = root.putArray("hostMetrics");
      new java.util.TreeSet<>(plan.hostMetrics()).forEach(host::add);
    }
    return root;
  }
}
