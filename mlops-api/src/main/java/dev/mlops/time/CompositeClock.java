package dev.mlops.time;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/** {@link MlopsClock#of}: immutable; as thread-safe as the clock and supplier it reads. */
record CompositeClock(Clock wall, LongSupplier monotonicNanos) implements MlopsClock {

  @Override
  public long wallTime() {
    return wall.millis();
  }

  @Override
  public long monotonicTime() {
    return monotonicNanos.getAsLong();
  }

  @Override
  public Instant instant() {
    return wall.instant();
  }

  @Override
  public Clock asJavaClock() {
    return wall;
  }
}
