/**
 * Events: the sealed root {@link dev.mlops.events.MlopsEvent}, one non-sealed family interface per
 * lifecycle concept ({@link dev.mlops.events.DriftEvent}, {@link dev.mlops.events.MonitorEvent},
 * {@link dev.mlops.events.RolloutEvent}, {@link dev.mlops.events.FeedbackEvent},
 * {@link dev.mlops.events.PublisherEvent}) whose records live in the concept's own package, and
 * the {@link dev.mlops.events.EventPublisher} every stateful component exposes.
 *
 * <p>The families are declared here, not in the concept packages, because a sealed type's
 * permitted subtypes must share its package while the api is on the class path (an unnamed
 * module); the records themselves go where the concept lives (e.g. {@code dev.mlops.drift}).
 */
package dev.mlops.events;
