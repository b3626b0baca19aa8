package dev.mlops.events;

/**
 * Events of drift detectors (streaming and batch): a warning began, a drift was flagged, a detector was reset. Left non-sealed so the records can live in {@code dev.mlops.drift} and be added to
 * without changing this interface.
 *
 * <p>Implementations are immutable records and therefore thread-safe.
 */
public non-sealed interface DriftEvent extends MlopsEvent {}
