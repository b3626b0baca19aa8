package dev.mlops.time;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The SDK's clock, shaped like Micrometer's {@code Clock}: <b>wall time</b> says when something
 * happened (it stamps requests, events and windows, and may jump when the system clock is set);
 * <b>monotonic time</b> measures how long something took (only differences between two readings
 * mean anything, and it never goes back).
 *
 * <pre>{@code
 * long start = clock.monotonicTime();
 * Prediction p = model.predict(record);
 * Duration latency = Duration.ofNanos(clock.monotonicTime() - start);
 * }</pre>
 *
 * <p>Components take a clock instead of calling {@link System#nanoTime()} or {@link Instant#now()}
 * themselves; production code passes {@link #system()}, tests the testkit's {@code TestClock},
 * which moves both times together.
 *
 * <p>Implementations must be thread-safe: one clock is shared by every thread of a service.
 */
public interface MlopsClock {

  /**
   * Returns the wall time in milliseconds since the epoch, as {@link System#currentTimeMillis()}.
   */
  long wallTime();

  /**
   * Returns the monotonic time in nanoseconds, as {@link System#nanoTime()}: an arbitrary origin,
   * so only the difference between two readings of the same clock is meaningful.
   */
  long monotonicTime();

  /**
   * Returns the wall time as an instant. The default has millisecond precision; implementations
   * with a finer wall clock override it.
   */
  default Instant instant() {
    return Instant.ofEpochMilli(wallTime());
  }

  /**
   * Returns a {@link Clock} (in UTC) that reads this clock's wall time, for APIs that take a
   * {@code java.time.Clock}.
   */
  default Clock asJavaClock() {
    return new WallClockView(this);
  }

  /** The system clock: {@link Instant#now()} for wall time and {@link System#nanoTime()}. */
  static MlopsClock system() {
    return SystemClock.INSTANCE;
  }

  /**
   * A clock made of a {@link Clock} for wall time and a source of monotonic nanoseconds.
   *
   * @param wall the wall clock; {@link #asJavaClock()} returns it
   * @param monotonicNanos the monotonic source, e.g. {@code System::nanoTime}; must be
   *     thread-safe and never go back
   */
  static MlopsClock of(Clock wall, LongSupplier monotonicNanos) {
    return new CompositeClock(
        Objects.requireNonNull(wall, "wall"), Objects.requireNonNull(monotonicNanos, "monotonicNanos"));
  }
}
