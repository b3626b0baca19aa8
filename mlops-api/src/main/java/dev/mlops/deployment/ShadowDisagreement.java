package dev.mlops.deployment;

import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import java.util.Objects;
import java.util.Optional;

/**
 * One request on which the shadow candidate disagreed with the primary (another label, a value
 * beyond the tolerance, or a failure), kept with its input so a human can see where the candidate
 * goes wrong.
 *
 * <p>Immutable and thread-safe, as long as the features record is.
 *
 * @param requestId the request's id
 * @param features the request's input
 * @param primary what the primary answered
 * @param candidate what the candidate answered; empty when it failed
 */
public record ShadowDisagreement(
    String requestId, Record features, Prediction primary, Optional<Prediction> candidate) {

  /** Checks arguments. */
  public ShadowDisagreement {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(candidate, "candidate");
  }
}
