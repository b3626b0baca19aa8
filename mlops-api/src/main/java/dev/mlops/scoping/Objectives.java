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
 * <p>Rollout gates compare a candidate with a baseline and need enough samples before judging:
 *
 * <pre>{@code
 * Objectives gates = Objectives.builder()
 *     .atMostRelative(KeyMetrics.LATENCY_P99_MS, 1.2, 500)   // <= 1.2 x primary, 500 requests
 *     .atLeastRelative(KeyMetrics.ACCURACY, -0.01, 200)      // >= primary - 0.01, 200 labels
 *     .build();
 * List<ObjectiveVerdict> v = gates.verdicts(candidate, primary);
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
   * Sample minimums are not checked and relative objectives are never met here (there is no
   * baseline): use {@link #verdicts(Map, Map)} for gates.
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
        boolean met = !o.isRelative() && o.isMetBy(v);
        out.add(new ObjectiveResult(o, OptionalDouble.of(v), met));
      }
    }
    return out;
  }

  /** Returns whether every objective is measured and met. */
  public boolean allMet(Map<String, Double> measured) {
    return evaluate(measured).stream().allMatch(ObjectiveResult::met);
  }

  /**
   * Judges every objective on measurements without a baseline; relative objectives are
   * {@link Verdict#INCONCLUSIVE}.
   *
   * @param candidate metric name to measurement
   * @return one verdict per objective, in declaration order
   */
  public List<ObjectiveVerdict> verdicts(Map<String, Measurement> candidate) {
    return verdicts(candidate, Map.of());
  }

  /**
   * Judges every objective: {@link Verdict#PASS} or {@link Verdict#FAIL} when the metric (and,
   * for a relative objective, the baseline's) is measured, not NaN, and rests on at least
   * {@link Objective#minSamples()} samples; {@link Verdict#INCONCLUSIVE} otherwise, never FAIL
   * for a metric that was simply absent. Measurements of undeclared metrics are ignored.
   *
   * @param candidate metric name to the candidate's measurement
   * @param baseline metric name to the baseline's measurement (e.g. the primary model's)
   * @return one verdict per objective, in declaration order
   */
  public List<ObjectiveVerdict> verdicts(
      Map<String, Measurement> candidate, Map<String, Measurement> baseline) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(baseline, "baseline");
    List<ObjectiveVerdict> out = new ArrayList<>(objectives.size());
    for (Objective o : objectives) {
      out.add(Gate.judge(o, candidate.get(o.metric()), baseline.get(o.metric())));
    }
    return List.copyOf(out);
  }

  /** Returns whether every verdict is {@link Verdict#PASS}. */
  public static boolean allPass(List<ObjectiveVerdict> verdicts) {
    return verdicts.stream().allMatch(ObjectiveVerdict::passed);
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

    /** Requires {@code metric >= target} on at least {@code minSamples} samples. */
    public Builder atLeast(String metric, double target, long minSamples) {
      return add(Objective.atLeast(metric, target).withMinSamples(minSamples));
    }

    /** Requires {@code metric <= target} on at least {@code minSamples} samples. */
    public Builder atMost(String metric, double target, long minSamples) {
      return add(Objective.atMost(metric, target).withMinSamples(minSamples));
    }

    /** Requires {@code metric <= factor x baseline}. */
    public Builder atMostRelative(String metric, double factor) {
      return add(Objective.atMostRelative(metric, factor));
    }

    /** Requires {@code metric <= factor x baseline}, each on {@code minSamples} samples. */
    public Builder atMostRelative(String metric, double factor, long minSamples) {
      return add(Objective.atMostRelative(metric, factor).withMinSamples(minSamples));
    }

    /** Requires {@code metric >= baseline + margin}. */
    public Builder atLeastRelative(String metric, double margin) {
      return add(Objective.atLeastRelative(metric, margin));
    }

    /** Requires {@code metric >= baseline + margin}, each on {@code minSamples} samples. */
    public Builder atLeastRelative(String metric, double margin, long minSamples) {
      return add(Objective.atLeastRelative(metric, margin).withMinSamples(minSamples));
    }

    /**
     * Adds an objective.
     *
     * @throws IllegalArgumentException if its metric already has one
     */
    public Builder add(Objective o) {
      Objects.requireNonNull(o, "objective");
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
