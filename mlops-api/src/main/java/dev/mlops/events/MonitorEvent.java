package dev.mlops.events;

/**
 * Events of production monitors: a window closed, an alert fired or cleared. Left non-sealed so the records can live in {@code dev.mlops.monitoring} and be added to
 * without changing this interface.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public non-sealed interface MonitorEvent extends MlopsEvent {}
