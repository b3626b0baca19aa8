package dev.mlops.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MlopsClockTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

  @Test
  void composedClockReadsItsTwoSources() {
    AtomicLong nanos = new AtomicLong(42);
    MlopsClock clock = MlopsClock.of(Clock.fixed(T0, ZoneOffset.UTC), nanos::get);

    assertThat(clock.wallTime()).isEqualTo(T0.toEpochMilli());
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.monotonicTime()).isEqualTo(42);
    nanos.addAndGet(1_000);
    assertThat(clock.monotonicTime()).isEqualTo(1_042);
  }

  @Test
  void composedClockAsJavaClockIsTheWallClock() {
    Clock wall = Clock.fixed(T0, ZoneOffset.UTC);
    assertThat(MlopsClock.of(wall, () -> 0).asJavaClock()).isSameAs(wall);
  }

  @Test
  void defaultJavaViewReadsTheWallTimeInUtc() {
    AtomicLong millis = new AtomicLong(T0.toEpochMilli());
    MlopsClock clock = new MlopsClock() {
      @Override
      public long wallTime() {
        return millis.get();
      }

      @Override
      public long monotonicTime() {
        return 0;
      }
    };

    Clock view = clock.asJavaClock();
    assertThat(view.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(view.instant()).isEqualTo(Instant.ofEpochMilli(T0.toEpochMilli()));
    millis.addAndGet(5_000);
    assertThat(view.millis()).isEqualTo(T0.toEpochMilli() + 5_000);
    Clock oslo = view.withZone(ZoneId.of("Europe/Oslo"));
    assertThat(oslo.getZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
    assertThat(oslo.instant()).isEqualTo(view.instant());
  }

  @Test
  void systemClockFollowsTheSystem() {
    MlopsClock clock = MlopsClock.system();
    long before = System.currentTimeMillis();
    long wall = clock.wallTime();
    long after = System.currentTimeMillis();
    assertThat(wall).isBetween(before, after);

    long m1 = clock.monotonicTime();
    long m2 = clock.monotonicTime();
    assertThat(m2).isGreaterThanOrEqualTo(m1);
    assertThat(clock.asJavaClock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(MlopsClock.system()).isSameAs(clock);
  }

  @Test
  void composedClockRejectsNulls() {
    assertThatThrownBy(() -> MlopsClock.of(null, () -> 0)).hasMessage("wall");
    assertThatThrownBy(() -> MlopsClock.of(Clock.systemUTC(), null)).hasMessage("monotonicNanos");
  }
}
