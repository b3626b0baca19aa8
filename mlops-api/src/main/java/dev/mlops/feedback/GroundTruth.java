package dev.mlops.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * A label that arrived after the prediction it belongs to (minutes to weeks later), joined to the
 * logged prediction by request id.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param requestId the id of the request it labels
 * @param value the true class of a classifier, or the true value of a regressor as text
 * @param arrivedAt when it arrived
 */
public record GroundTruth(String requestId, String value, Instant arrivedAt) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the request id is blank
   */
  public GroundTruth {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(arrivedAt, "arrivedAt");
    if (requestId.isBlank()) {
      throw new IllegalArgumentException("requestId must not be blank");
    }
  }
}
