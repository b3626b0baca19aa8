package dev.mlops.events;

import java.time.Instant;

/**
 * Something that happened in a stateful component: a drift found, a rollout step taken, a
 * consumer that failed. Events are immutable records; each belongs to exactly one family, so a
 * consumer can switch over the families exhaustively and over the records of a family with a
 * default branch (families stay open for later additions).
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public sealed interface MlopsEvent
    permits DriftEvent, MonitorEvent, RolloutEvent, FeedbackEvent, PublisherEvent {

  /** Returns when it happened, read from the component's injected clock. */
  Instant time();

  /** Returns the name of the component that published it, e.g. {@code "checkout-model.monitor"}. */
  String source();
}
