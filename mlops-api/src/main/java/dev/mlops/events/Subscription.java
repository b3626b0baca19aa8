package dev.mlops.events;

/**
 * A consumer's registration on an {@link EventPublisher}; closing it unregisters the consumer.
 * Events already being delivered may still reach it; no event published after {@code close()}
 * returns does.
 *
 * <p>Implementations are thread-safe; closing twice is harmless.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Unregisters the consumer. Never throws. */
  @Override
  void close();
}
