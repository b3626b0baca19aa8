/**
 * Event delivery: {@link dev.mlops.core.events.EventDispatchers} makes the
 * {@link dev.mlops.core.events.EventDispatcher} a component publishes into and exposes to its
 * users as an {@link dev.mlops.events.EventPublisher}, delivering on the publishing thread or on
 * one daemon thread behind a bounded queue.
 */
package dev.mlops.core.events;
