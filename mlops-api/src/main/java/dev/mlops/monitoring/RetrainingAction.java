package dev.mlops.monitoring;

/**
 * The host's automatic retraining: start a training job, wait for it, register the new model.
 * Runs on its own thread, never on the prediction path; it is interrupted when it overruns the
 * policy's timeout, and whatever it throws becomes a {@link RetrainingDecision} event.
 *
 * <p>Called from one thread at a time (at most one retraining is in flight).
 */
@FunctionalInterface
public interface RetrainingAction {

  /**
   * Retrains.
   *
   * @param trigger the alert that led to it
   * @throws Exception if retraining failed; reported, never rethrown
   */
  void retrain(AlertRaised trigger) throws Exception;
}
