package dev.mlops.events;

/**
 * Events about event delivery itself, such as {@link ConsumerFailed}.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public non-sealed interface PublisherEvent extends MlopsEvent {}
