package dev.mlops.deployment;

import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.Objectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A progressive rollout: steps (e.g. shadow, 1 %, 5 %, 25 %, 50 %, 100 %), the gates judged at
 * the end of each step's window and how many failed analyses are tolerated before an automatic
 * rollback (Argo Rollouts' {@code failureLimit}).
 *
 * <p>Gates are {@link Objectives}; relative gates compare the candidate with the primary on the
 * same window ({@code atMostRelative} is a factor, {@code atLeastRelative} an additive margin). A
 * gate may name one of {@link #GATE_METRICS} or a host metric declared in {@code hostMetrics}
 * (the host reports its values to the controller). A gate whose metric a step cannot measure
 * ({@link KeyMetrics#SHADOW_AGREEMENT} outside a shadow step, {@link KeyMetrics#ACCURACY} when no
 * labels are expected) is not judged at that step.
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps the steps in order; at least one
 * @param gates the gates judged at the end of every analysed step
 * @param failureLimit failed analyses tolerated before rollback; 0 rolls back on the first
 * @param hostMetrics names of host-reported metrics that gates may use
 */
public record RolloutPlan(
    List<RolloutStep> steps, Objectives gates, int failureLimit, Set<String> hostMetrics) {

  /** The metrics the rollout controller measures itself. */
  public static final Set<String> GATE_METRICS = Set.of(
      KeyMetrics.SHADOW_AGREEMENT, KeyMetrics.ERROR_RATE, KeyMetrics.LATENCY_P50_MS,
      KeyMetrics.LATENCY_P90_MS, KeyMetrics.LATENCY_P95_MS, KeyMetrics.LATENCY_P99_MS,
      KeyMetrics.ACCURACY, KeyMetrics.OUTPUT_DRIFT);

  /** Default {@link #failureLimit()}: {@value}, roll back on the first failed analysis as Argo. */
  public static final int DEFAULT_FAILURE_LIMIT = 0;

  /**
   * Copies the collections and checks arguments.
   *
   * @throws IllegalArgumentException if there are no steps, the failure limit is negative, a
   *     host metric shadows a built-in one, or a gate names an unknown metric
   */
  public RolloutPlan {
    steps = List.copyOf(steps);
    Objects.requireNonNull(gates, "gates");
    hostMetrics = Set.copyOf(hostMetrics);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a rollout plan needs at least one step");
    }
    if (failureLimit < 0) {
      throw new IllegalArgumentException("failureLimit must be >= 0, was " + failureLimit);
    }
    for (String m : hostMetrics) {
      if (GATE_METRICS.contains(m)) {
        throw new IllegalArgumentException(
            "host metric '" + m + "' is measured by the controller itself; do not declare it");
      }
    }
    for (Objective gate : gates.objectives()) {
      if (!GATE_METRICS.contains(gate.metric()) && !hostMetrics.contains(gate.metric())) {
        throw new IllegalArgumentException("gate on unknown metric '" + gate.metric()
            + "'; known: " + new TreeSet<>(GATE_METRICS)
            + (hostMetrics.isEmpty() ? "" : " and host metrics " + new TreeSet<>(hostMetrics)));
      }
    }
  }

  /** A plan without host metrics. */
  public RolloutPlan(List<RolloutStep> steps, Objectives gates, int failureLimit) {
    this(steps, gates, failureLimit, Set.of());
  }

  /** Returns step {@code index}. */
  public RolloutStep step(int index) {
    return steps.get(index);
  }

  /** Returns whether {@code index} is the last step. */
  public boolean isLast(int index) {
    return index == steps.size() - 1;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RolloutPlan}s. Not thread-safe. */
  public static final class Builder {
    private final List<RolloutStep> steps = new ArrayList<>();
    private Objectives gates = Objectives.builder().build();
    private int failureLimit = DEFAULT_FAILURE_LIMIT;
    private final Set<String> hostMetrics = new TreeSet<>();

    private Builder() {}

    /** Appends a step. */
    public Builder step(RolloutStep step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Sets the gates. */
    public Builder gates(Objectives value) {
      this.gates = Objects.requireNonNull(value, "gates");
      return this;
    }

    /** Sets the failure limit (default {@value RolloutPlan#DEFAULT_FAILURE_LIMIT}). */
    public Builder failureLimit(int value) {
      this.failureLimit = value;
      return this;
    }

    /** Declares a host-reported metric that gates may name. */
    public Builder hostMetric(String name) {
      hostMetrics.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * Builds the plan.
     *
     * @throws IllegalArgumentException as the record's constructor
     */
    public RolloutPlan build() {
      return new RolloutPlan(steps, gates, failureLimit, hostMetrics);
    }
  }
}
