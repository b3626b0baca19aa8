package dev.mlops.scoping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The project's key metrics and their targets, declared once at scoping time and read by
 * evaluation, rollout gates and monitoring alerts, so every stage agrees on what good means.
 *
 * <pre>{@code
 * Objectives goals = Objectives.builder()
 *     .atLeast(KeyMetrics.ACCURACY, 0.95)
 *     .atMost(KeyMetrics.LATENCY_P99_MS, 50)
 *     .atLeast(KeyMetrics.THROUGHPUT_QPS, 200)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectives one objective per metric, in declaration order
 */
public record Objectives(List<Objective> objectives) {

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if a metric appears twice
   */
  public Objectives {
    objectives = List.copyOf(objectives);
    if (objectives.stream().map(Objective::metric).distinct().count() != objectives.size()) {
      throw new IllegalArgumentException("a metric has two objectives: " + objectives);
    }
  }

  /** Returns the objective on a metric, if declared. */
  public Optional<Objective> find(String metric) {
    return objectives.stream().filter(o -> o.metric().equals(metric)).findFirst();
  }

  /**
   * Compares measurements with every objective. A declared metric absent from {@code measured}
   * is reported as not met with no measured value; measurements of undeclared metrics are ignored.
   *
   * @param measured metric name to measured value
   * @return one result per objective, in declaration order
   */
  public List<ObjectiveResult> evaluate(Map<String, Double> measured) {
    Objects.requireNonNull(measured, "measured");
    List<ObjectiveResult> out = new ArrayList<>();
    for (Objective o : objectives) {
      Double v = measured.get(o.metric());
      if (v == null) {
        out.add(new ObjectiveResult(o, OptionalDouble.empty(), false));
      } else {
        out.add(new ObjectiveResult(o, OptionalDouble.of(v), o.isMetBy(v)));
      }
    }
    return out;
  }

  /** Returns whether every objective is measured and met. */
  public boolean allMet(Map<String, Double> measured) {
    return evaluate(measured).stream().allMatch(ObjectiveResult::met);
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Objectives}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Objective> objectives = new LinkedHashMap<>();

    private Builder() {}

    /** Requires {@code metric >= target}. */
    public Builder atLeast(String metric, double target) {
      return add(new Objective(metric, Objective.Direction.AT_LEAST, target));
    }

    /** Requires {@code metric <= target}. */
    public Builder atMost(String metric, double target) {
      return add(new Objective(metric, Objective.Direction.AT_MOST, target));
    }

    private Builder add(Objective o) {
      if (objectives.putIfAbsent(o.metric(), o) != null) {
        throw new IllegalArgumentException("metric '" + o.metric() + "' already has an objective");
      }
      return this;
    }

    /** Builds the value. */
    public Objectives build() {
      return new Objectives(List.copyOf(objectives.values()));
    }
  }
}
