package dev.mlops.time;

import java.time.Clock;
import java.time.Instant;

/** {@link MlopsClock#system()}: a stateless singleton, thread-safe. */
enum SystemClock implements MlopsClock {
  INSTANCE;

  @Override
  public long wallTime() {
    return System.currentTimeMillis();
  }

  @Override
  public long monotonicTime() {
    return System.nanoTime();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public Clock asJavaClock() {
    return Clock.systemUTC();
  }

  @Override
  public String toString() {
    return "MlopsClock.system()";
  }
}
