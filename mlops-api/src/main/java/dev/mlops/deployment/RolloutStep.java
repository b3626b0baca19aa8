package dev.mlops.deployment;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of a {@link RolloutPlan}: either a shadow step (the primary answers everything, the
 * candidate gets a copy of each request) or a canary step sending {@code weightBps} basis points
 * of the traffic to the candidate, with the analysis window after which the plan's gates are
 * judged.
 *
 * <p>The window closes when the candidate has handled {@code requests} requests (shadow copies
 * or canary requests, failures included), or when {@code duration} of wall time has passed since
 * the step started, whichever comes first. A step with no window is not analysed: the last step
 * of a plan without a window completes the rollout (promotion); an earlier one pauses it for a
 * human, like Argo Rollouts' {@code pause: {}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shadow whether the candidate runs as a shadow (its answers are only compared)
 * @param weightBps the candidate's share of the traffic in basis points, 0 to
 *     {@value #FULL_WEIGHT_BPS}; 0 for a shadow step
 * @param requests how many candidate requests the analysis window holds, when windowed by count
 * @param duration how long the analysis window lasts, when windowed by time
 */
public record RolloutStep(
    boolean shadow, int weightBps, OptionalLong requests, Optional<Duration> duration) {

  /** The whole traffic in basis points: {@value}. */
  public static final int FULL_WEIGHT_BPS = 10_000;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the weight is outside 0 to {@value #FULL_WEIGHT_BPS}, a
   *     shadow step has a weight, the request count is below 1 or the duration is not positive
   */
  public RolloutStep {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(duration, "duration");
    requireWeight(weightBps);
    if (shadow && weightBps != 0) {
      throw new IllegalArgumentException(
          "a shadow step sends no traffic to the candidate; weight must be 0, was " + weightBps);
    }
    if (requests.isPresent() && requests.getAsLong() < 1) {
      throw new IllegalArgumentException(
          "requests of a step must be >= 1, was " + requests.getAsLong());
    }
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      throw new IllegalArgumentException("duration of a step must be positive, was " + duration.get());
    }
  }

  /**
   * Checks a weight in basis points.
   *
   * @throws IllegalArgumentException if it is outside 0 to {@value #FULL_WEIGHT_BPS}
   */
  public static int requireWeight(int weightBps) {
    if (weightBps < 0 || weightBps > FULL_WEIGHT_BPS) {
      throw new IllegalArgumentException(
          "weight must be in 0..10000 basis points, was " + weightBps);
    }
    return weightBps;
  }

  /** A shadow step analysed after the candidate saw {@code requests} copies. */
  public static RolloutStep shadow(long requests) {
    return new RolloutStep(true, 0, OptionalLong.of(requests), Optional.empty());
  }

  /** A canary step analysed after the candidate answered {@code requests} requests. */
  public static RolloutStep canary(int weightBps, long requests) {
    return new RolloutStep(false, weightBps, OptionalLong.of(requests), Optional.empty());
  }

  /** A canary step analysed after {@code duration} of wall time. */
  public static RolloutStep canary(int weightBps, Duration duration) {
    return new RolloutStep(false, weightBps, OptionalLong.empty(), Optional.of(duration));
  }

  /** A step without analysis: the final one (promotion) or a pause for a human. */
  public static RolloutStep unanalysed(int weightBps) {
    return new RolloutStep(false, weightBps, OptionalLong.empty(), Optional.empty());
  }

  /** Returns whether the step has an analysis window. */
  public boolean analysed() {
    return requests.isPresent() || duration.isPresent();
  }

  /** Renders e.g. {@code shadow} or {@code canary 5.00%}. */
  public String describe() {
    return shadow ? "shadow" : String.format(Locale.ROOT, "canary %.2f%%", weightBps / 100.0);
  }
}
