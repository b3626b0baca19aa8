package dev.mlops.deployment;

import dev.mlops.events.RolloutEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A rollout moved: it started, entered a step, paused, resumed, was promoted, rolled back,
 * aborted, or was restored from its journal after a restart. Kept in the controller's audit log and
 * its journal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when, from the controller's clock
 * @param source the publishing component, {@code <rollout>.rollout}
 * @param rollout the rollout's name
 * @param kind what happened
 * @param step the step index after the transition
 * @param state the state after the transition
 * @param reason a human-readable reason naming metric, value, threshold and counts where a gate
 *     decided it, or who acted
 * @param dryRun whether the controller is in dry-run mode (a dry run reports what it would do in
 *     {@link GatesEvaluated} and moves only on manual controls)
 */
public record RolloutTransition(
    Instant time, String source, String rollout, Kind kind, int step, RolloutState state,
    String reason, boolean dryRun) implements RolloutEvent {

  /** What happened. */
  public enum Kind {
    /** The rollout began at step 0. */
    STARTED,
    /** The rollout was restored from its journal, at the step it had reached. */
    RESTORED,
    /** A step began: its traffic split is in force and its window is collecting. */
    STEP_STARTED,
    /** The rollout paused. */
    PAUSED,
    /** A paused rollout resumed. */
    RESUMED,
    /** The rollout completed with the candidate serving everything. */
    PROMOTED,
    /** Gates failed beyond the failure limit; traffic is back on the primary. */
    ROLLED_BACK,
    /** A human stopped the rollout; traffic is back on the primary. */
    ABORTED
  }

  /** Checks arguments. */
  public RolloutTransition {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }
}
