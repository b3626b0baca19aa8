package dev.mlops.deployment;

import java.util.Objects;

/**
 * A rollout's position: state, step, traffic split and counts, as {@code status()} returns it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rollout the rollout's name
 * @param state where it stands
 * @param step the current step's index
 * @param weightBps the candidate's share now, in basis points ({@value RolloutStep#FULL_WEIGHT_BPS}
 *     after promotion, 0 after rollback or abort and during a shadow step)
 * @param shadow whether the candidate is running as a shadow now
 * @param failures failed analyses so far
 * @param windowRequests candidate requests in the current step's window
 * @param salt the sticky-bucketing salt, fixed for the rollout's life
 * @param dryRun whether the controller only reports gate decisions
 * @param reason why it is in this state (the last transition's reason)
 */
public record RolloutStatus(
    String rollout, RolloutState state, int step, int weightBps, boolean shadow, int failures,
    long windowRequests, String salt, boolean dryRun, String reason) {

  /** Checks arguments. */
  public RolloutStatus {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(reason, "reason");
  }
}
