package dev.mlops.monitoring;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a monitor cuts its traffic into tumbling windows: every {@link #count()} predictions, or
 * every {@link #duration()} of wall time read from the monitor's clock (the window closes at the
 * first prediction at or after its end, or when the host calls the monitor's {@code tick()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param count predictions per window, {@code >= 1}; ignored when {@code duration} is given
 * @param duration the length of a time window; empty for count windows
 */
public record WindowPolicy(long count, Optional<Duration> duration) {

  /** Default count window: {@value} predictions. */
  public static final long DEFAULT_COUNT = 1000;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if {@code count < 1} or the duration is not positive
   */
  public WindowPolicy {
    Objects.requireNonNull(duration, "duration");
    if (count < 1) {
      throw new IllegalArgumentException("window size must be >= 1 prediction, was " + count);
    }
    duration.ifPresent(d -> {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("window duration must be positive, was " + d);
      }
    });
  }

  /** Windows of {@code count} predictions. */
  public static WindowPolicy ofCount(long count) {
    return new WindowPolicy(count, Optional.empty());
  }

  /** Windows of {@code duration} of wall time. */
  public static WindowPolicy ofDuration(Duration duration) {
    return new WindowPolicy(DEFAULT_COUNT, Optional.of(Objects.requireNonNull(duration, "duration")));
  }

  /** Returns whether windows are cut by time. */
  public boolean byTime() {
    return duration.isPresent();
  }
}
