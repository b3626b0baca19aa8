/**
 * Time: {@link dev.mlops.time.MlopsClock}, the one clock abstraction of the SDK, with wall time
 * (stamps events, requests and windows) and monotonic time (measures durations such as latency).
 * Every component that measures a duration or a window takes one, so tests can move time by hand
 * (the testkit's {@code TestClock}) instead of sleeping.
 */
package dev.mlops.time;
