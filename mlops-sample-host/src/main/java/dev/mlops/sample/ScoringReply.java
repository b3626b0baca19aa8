package dev.mlops.sample;

import dev.mlops.data.ValidationReport;
import dev.mlops.model.PredictionOutcome;

/**
 * What {@link ScoringService#score} answers: the served outcome, or the request's rejection with
 * the violations that caused it. A sealed value, so callers switch on it instead of catching.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public sealed interface ScoringReply {

  /**
   * The request was valid and a model of the rollout answered (or failed, as the outcome says).
   *
   * @param outcome what the serving arm returned
   */
  record Served(PredictionOutcome outcome) implements ScoringReply {}

  /**
   * The request broke the service's spec and reached no model.
   *
   * @param report the violations, naming feature, expected and actual value
   */
  record Rejected(ValidationReport report) implements ScoringReply {}
}
