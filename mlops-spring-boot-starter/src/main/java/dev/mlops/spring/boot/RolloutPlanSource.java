package dev.mlops.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.deployment.RolloutPlans;
import dev.mlops.deployment.RolloutPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the rollout plan of {@code mlops.rollout.*}: from the PLAN.json at {@code plan-file}, or
 * from {@code steps} and {@code gates}, which are written as the same JSON and read by
 * {@link RolloutPlans}, so both forms have one set of rules and messages. Stateless.
 */
final class RolloutPlanSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STEPS = PropertiesCheck.ROLLOUT + "steps";
  private static final String PLAN_FILE = PropertiesCheck.ROLLOUT + "plan-file";

  private RolloutPlanSource() {}

  /**
   * Returns the plan.
   *
   * @throws IllegalArgumentException naming the property, when both or neither form is given or
   *     the plan is invalid
   */
  static RolloutPlan plan(MlopsProperties.Rollout rollout, ResourceLoader resources) {
    boolean fromFile = rollout.getPlanFile() != null && !rollout.getPlanFile().isBlank();
    boolean fromSteps = !rollout.getSteps().isEmpty();
    if (fromFile && (fromSteps || !rollout.getGates().isEmpty())) {
      throw new IllegalArgumentException(PLAN_FILE + ": give either a plan file or "
          + STEPS + " and " + PropertiesCheck.ROLLOUT + "gates, not both");
    }
    if (fromFile) {
      return fromFile(rollout.getPlanFile(), resources);
    }
    if (!fromSteps) {
      throw new IllegalArgumentException(STEPS + ": a rollout needs " + STEPS + " or " + PLAN_FILE);
    }
    try {
      return RolloutPlans.parse(toJson(rollout), PropertiesCheck.ROLLOUT.substring(
          0, PropertiesCheck.ROLLOUT.length() - 1));
    } catch (DataFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static RolloutPlan fromFile(String location, ResourceLoader resources) {
    Resource resource = resources.getResource(location);
    if (!resource.exists()) {
      throw new IllegalArgumentException(PLAN_FILE + ": no plan at " + location);
    }
    String text;
    try {
      text = resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(PLAN_FILE + ": cannot read " + location + ": " + e, e);
    }
    try {
      return RolloutPlans.parse(text, location);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException(PLAN_FILE + ": " + e.getMessage(), e);
    }
  }

  private static String toJson(MlopsProperties.Rollout rollout) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    for (MlopsProperties.Step s : rollout.getSteps()) {
      ObjectNode step = steps.addObject();
      if (s.isShadow()) {
        step.put("shadow", true);
      }
      if (s.getWeight() != null) {
        step.put("weight", s.getWeight());
      }
      if (s.getRequests() != null) {
        step.put("requests", s.getRequests());
      }
      if (s.getDuration() != null) {
        step.put("duration", s.getDuration().toString());
      }
    }
    ArrayNode gates = root.putArray("gates");
    for (MlopsProperties.Gate g : rollout.getGates()) {
      ObjectNode gate = gates.addObject();
      gate.put("metric", g.getMetric());
      putIfSet(gate, "atLeast", g.getAtLeast());
      putIfSet(gate, "atMost", g.getAtMost());
      putIfSet(gate, "atMostRelative", g.getAtMostRelative());
      putIfSet(gate, "atLeastRelative", g.getAtLeastRelative());
      if (g.getMinSamples() != null) {
        gate.put("minSamples", g.getMinSamples());
      }
    }
    root.put("failureLimit", rollout.getFailureLimit());
    ArrayNode host = root.putArray("hostMetrics");
    rollout.getHostMetrics().forEach(host::add);
    return root.toString();
  }

  private static void putIfSet(ObjectNode node, String field, Double value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
