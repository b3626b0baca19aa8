package dev.mlops.deployment;

/** Where a rollout stands. An enum: immutable and thread-safe. */
public enum RolloutState {
  /** Collecting the current step's analysis window; gates are judged when it closes. */
  RUNNING,
  /**
   * Waiting for a human: a gate was inconclusive, a step has no window, or someone paused it. The
   * current traffic split holds; {@code resume} or {@code promote} moves on.
   */
  PAUSED,
  /** Completed: the candidate serves all traffic. Terminal. */
  PROMOTED,
  /** Gates failed beyond the failure limit: all traffic is back on the primary. Terminal. */
  ROLLED_BACK,
  /** Stopped by a human: all traffic is back on the primary. Terminal. */
  ABORTED;

  /** Returns whether no further transition is possible. */
  public boolean isTerminal() {
    return this == PROMOTED || this == ROLLED_BACK || this == ABORTED;
  }
}
