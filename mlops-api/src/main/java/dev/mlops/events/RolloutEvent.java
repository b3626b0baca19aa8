package dev.mlops.events;

/**
 * Events of deployments: a rollout step started, a gate passed or failed, a rollback was triggered. Left non-sealed so the records can live in {@code dev.mlops.deployment} and be added to
 * without changing this interface.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public non-sealed interface RolloutEvent extends MlopsEvent {}
