package dev.mlops.events;

/**
 * Events of ground-truth feedback: labels arrived late, a label was joined to its prediction. Left non-sealed so the records can live in {@code dev.mlops.feedback} and be added to
 * without changing this interface.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public non-sealed interface FeedbackEvent extends MlopsEvent {}
