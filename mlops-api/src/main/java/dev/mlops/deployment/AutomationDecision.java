package dev.mlops.deployment;

import dev.mlops.model.PredictionOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one request under the automation level in force when it arrived.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the level in force
 * @param route who acts on it
 * @param outcome the model's outcome; empty under {@link AutomationLevel#HUMAN_ONLY}
 * @param reason why it took this route, e.g. "confidence 0.62 &lt; threshold 0.80"
 */
public record AutomationDecision(
    AutomationLevel level, AutomationRoute route, Optional<PredictionOutcome> outcome,
    String reason) {

  /** Checks arguments. */
  public AutomationDecision {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }
}
