package dev.mlops.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The default {@link MlopsClock#asJavaClock()}: a {@link Clock} reading an {@link MlopsClock}'s
 * wall time. Immutable; as thread-safe as the clock it reads.
 */
final class WallClockView extends Clock {
  private final MlopsClock clock;
  private final ZoneId zone;

  WallClockView(MlopsClock clock) {
    this(clock, ZoneOffset.UTC);
  }

  private WallClockView(MlopsClock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new WallClockView(clock, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public long millis() {
    return clock.wallTime();
  }

  @Override
  public Instant instant() {
    return clock.instant();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WallClockView other && clock.equals(other.clock) && zone.equals(other.zone);
  }

  @Override
  public int hashCode() {
    return clock.hashCode() * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "WallClockView[" + clock + ", " + zone + "]";
  }
}
