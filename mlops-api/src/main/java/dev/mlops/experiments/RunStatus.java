package dev.mlops.experiments;

/**
 * The lifecycle status of a run (MLflow's run statuses).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum RunStatus {
  /** Started and not yet ended. */
  RUNNING,
  /** Ended normally. */
  FINISHED,
  /** Ended by an error. */
  FAILED,
  /** Ended by a person or a signal. */
  KILLED;

  /** Returns whether the run has ended. */
  public boolean terminal() {
    return this != RUNNING;
  }
}
