package dev.mlops.testkit;

import dev.mlops.time.MlopsClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move by hand, for components that take an injected clock (detectors,
 * trackers, rollouts, batching fronts): both a {@link Clock} and an {@link MlopsClock}, after
 * Micrometer's {@code MockClock}. Time never moves by itself, so tests need no {@code
 * Thread.sleep}.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * long start = clock.monotonicTime();
 * clock.advance(Duration.ofMillis(5));    // wall and monotonic time move together
 * assert clock.monotonicTime() - start == 5_000_000;
 * }</pre>
 *
 * <p>{@link #advance} moves wall time and monotonic time by the same amount; {@link #set} moves
 * wall time only, forward or back, as when the system clock is set, so durations measured with
 * monotonic time are unaffected. Monotonic time starts at {@link #MONOTONIC_START}.
 *
 * <p>Thread-safe: both times are held in one atomic value; {@link #advance} from several threads
 * adds up exactly and a reader never sees one time moved without the other.
 */
public final class TestClock extends Clock implements MlopsClock {
  /** The instant a clock made by {@link #create()} starts at: {@value}. */
  public static final String DEFAULT_START = "2026-01-01T00:00:00Z";
  /** The monotonic time, in nanoseconds, every test clock starts at: {@value}. */
  public static final long MONOTONIC_START = 0;

  /** Wall time and monotonic time, moved together. */
  private record Now(Instant wall, long nanos) {}

  private final AtomicReference<Now> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Now> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public static TestClock create() {
    return at(Instant.parse(DEFAULT_START));
  }

  /** A clock at {@code start}, in UTC. */
  public static TestClock at(Instant start) {
    Objects.requireNonNull(start, "start");
    return new TestClock(new AtomicReference<>(new Now(start, MONOTONIC_START)), ZoneOffset.UTC);
  }

  /**
   * Moves wall time and monotonic time forward by the same amount.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws ArithmeticException if monotonic time would overflow a {@code long} of nanoseconds
   */
  public TestClock advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward, was " + amount);
    }
    long nanos = amount.toNanos();
    now.updateAndGet(t -> new Now(t.wall().plus(amount), Math.addExact(t.nanos(), nanos)));
    return this;
  }

  /** Sets the wall time to an instant, forward or back; monotonic time does not move. */
  public TestClock set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    now.updateAndGet(t -> new Now(instant, t.nanos()));
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view in another zone that shares this clock's time. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get().wall();
  }

  @Override
  public long wallTime() {
    return millis();
  }

  @Override
  public long monotonicTime() {
    return now.get().nanos();
  }

  /** Returns this clock, which is a {@link Clock} already. */
  @Override
  public Clock asJavaClock() {
    return this;
  }

  @Override
  public String toString() {
    Now t = now.get();
    return "TestClock[" + t.wall() + ", monotonic " + t.nanos() + " ns, " + zone + "]";
  }
}
