/**
 * Event doubles: {@link dev.mlops.testkit.events.RecordingConsumer}, a spy to register on any
 * component's publisher, and {@link dev.mlops.testkit.events.TestEventPublisher}, an in-memory
 * publisher for a host's own fakes of stateful components.
 */
package dev.mlops.testkit.events;
