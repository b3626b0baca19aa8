package dev.mlops.deployment;

import dev.mlops.events.RolloutEvent;
import java.util.List;

/**
 * A progressive rollout as its host (and its tests) read it: where it stands and how it got
 * there. {@code mlops-core}'s {@code RolloutController} is one; the testkit's rollout assertions
 * read this view, so they need no implementation module.
 *
 * <p>Implementations must be thread-safe: status and audit log are read while the rollout serves.
 */
public interface Rollout {

  /** Returns the rollout's name, e.g. {@code "churn-v4"}. */
  String rolloutName();

  /** Returns where the rollout stands now. */
  RolloutStatus status();

  /**
   * Returns every {@link RolloutTransition} and {@link GatesEvaluated} so far, oldest first, as an
   * immutable copy.
   */
  List<RolloutEvent> auditLog();
}
