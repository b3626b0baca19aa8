package dev.mlops.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, for components that take an injected clock (detectors,
 * trackers, rollouts). Time never moves by itself, so tests need no {@code Thread.sleep}.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Thread-safe: the current instant is held atomically; {@link #advance} from several threads
 * adds up exactly.
 */
public final class TestClock extends Clock {
  /** The instant a clock made by {@link #create()} starts at: {@value}. */
  public static final String DEFAULT_START = "2026-01-01T00:00:00Z";

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public static TestClock create() {
    return at(Instant.parse(DEFAULT_START));
  }

  /** A clock at {@code start}, in UTC. */
  public static TestClock at(Instant start) {
    return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public TestClock advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward, was " + amount);
    }
    now.updateAndGet(t -> t.plus(amount));
    return this;
  }

  /** Sets the clock to an instant, forward or back. */
  public TestClock set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
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
    return now.get();
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
