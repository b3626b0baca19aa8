package dev.mlops.model;

import dev.mlops.data.Record;
import dev.mlops.time.MlopsClock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One request to a serving path: the features to predict, an id that follows the request through
 * monitors, prediction logs and rollouts (so a label that arrives later can be joined to it), an
 * optional routing key (a user or session id, so a rollout sends the same key to the same model
 * every time) and when the request was received.
 *
 * <pre>{@code
 * PredictionRequest request = PredictionRequest.builder(features)
 *     .requestId(httpRequestId)   // generated (a random UUID) when not given
 *     .routingKey(userId)
 *     .build();
 * Prediction p = model.predict(request);
 * }</pre>
 *
 * <p>Immutable and therefore thread-safe, as long as the features record is (the SDK's records
 * are).
 *
 * @param requestId the request's id; never blank
 * @param routingKey the key for sticky routing, when the caller has one; never blank
 * @param features the features to predict
 * @param receivedAt when the serving path received the request (wall time)
 */
public record PredictionRequest(
    String requestId, Optional<String> routingKey, Record features, Instant receivedAt) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException naming {@code requestId} or {@code routingKey} if it is
   *     null or blank
   * @throws NullPointerException if {@code features} or {@code receivedAt} is null
   */
  public PredictionRequest {
    requireText(requestId, "requestId");
    if (routingKey == null) {
      throw new IllegalArgumentException("routingKey must not be null; use Optional.empty()");
    }
    routingKey.ifPresent(key -> requireText(key, "routingKey"));
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A request with a generated id (a random UUID), no routing key, received now. */
  public static PredictionRequest of(Record features) {
    return builder(features).build();
  }

  /**
   * A request with the caller's id, no routing key, received now.
   *
   * @throws IllegalArgumentException if {@code requestId} is null or blank
   */
  public static PredictionRequest of(String requestId, Record features) {
    return builder(features).requestId(requestId).build();
  }

  /** Starts a builder for a request with these features. */
  public static Builder builder(Record features) {
    return new Builder(Objects.requireNonNull(features, "features"));
  }

  private static void requireText(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
  }

  /**
   * Builds {@link PredictionRequest}s. Without {@link #requestId} the id comes from the
   * {@linkplain #requestIdGenerator generator} (default: a random UUID); without
   * {@link #receivedAt} the time comes from the {@linkplain #clock clock} (default:
   * {@link MlopsClock#system()}). Not thread-safe.
   */
  public static final class Builder {
    private final Record features;
    private String requestId;
    private Optional<String> routingKey = Optional.empty();
    private Instant receivedAt;
    private MlopsClock clock = MlopsClock.system();
    private Supplier<String> requestIdGenerator = () -> UUID.randomUUID().toString();

    private Builder(Record features) {
      this.features = features;
    }

    /**
     * Sets the request id.
     *
     * @throws IllegalArgumentException if it is null or blank
     */
    public Builder requestId(String value) {
      requireText(value, "requestId");
      this.requestId = value;
      return this;
    }

    /**
     * Sets the routing key (a user or session id).
     *
     * @throws IllegalArgumentException if it is null or blank
     */
    public Builder routingKey(String value) {
      requireText(value, "routingKey");
      this.routingKey = Optional.of(value);
      return this;
    }

    /** Sets when the request was received (default: the clock's instant at {@link #build()}). */
    public Builder receivedAt(Instant value) {
      this.receivedAt = Objects.requireNonNull(value, "receivedAt");
      return this;
    }

    /** Sets the clock that stamps {@code receivedAt} when it is not given. */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets where generated request ids come from (e.g. a counter, for reproducible tests). A
     * generated id must not be blank either.
     */
    public Builder requestIdGenerator(Supplier<String> value) {
      this.requestIdGenerator = Objects.requireNonNull(value, "requestIdGenerator");
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if the generator returned a null or blank id
     */
    public PredictionRequest build() {
      String id = requestId != null ? requestId : requestIdGenerator.get();
      Instant at = receivedAt != null ? receivedAt : clock.instant();
      return new PredictionRequest(id, routingKey, features, at);
    }
  }
}
