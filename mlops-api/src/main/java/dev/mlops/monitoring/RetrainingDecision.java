package dev.mlops.monitoring;

import dev.mlops.events.MonitorEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * What a retraining policy decided about an alert, or how a retraining it started ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when it was decided
 * @param source the policy's name
 * @param decision the decision
 * @param rule the alert rule that led to it
 * @param window the window the alert fired in
 * @param reason one sentence saying why
 */
public record RetrainingDecision(
    Instant time, String source, Decision decision, String rule, long window, String reason)
    implements MonitorEvent {

  /** The possible decisions and endings. */
  public enum Decision {
    /** Manual mode: a person was asked to retrain. */
    NOTIFIED,
    /** Automatic mode: the action was started. */
    STARTED,
    /** Not triggered: the previous trigger was less than the cool-down ago. */
    SKIPPED_COOL_DOWN,
    /** Not triggered: a retraining is still running. */
    SKIPPED_IN_FLIGHT,
    /** The action returned. */
    SUCCEEDED,
    /** The action threw. */
    FAILED,
    /** The action overran the timeout and was interrupted. */
    TIMED_OUT
  }

  /** Checks arguments. */
  public RetrainingDecision {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }
}
