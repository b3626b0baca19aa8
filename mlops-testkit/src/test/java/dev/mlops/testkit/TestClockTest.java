package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TestClockTest {

  @Test
  void movesOnlyWhenTold() {
    TestClock clock = TestClock.create();
    Instant start = clock.instant();
    assertThat(start).isEqualTo(Instant.parse(TestClock.DEFAULT_START));
    assertThat(clock.instant()).isEqualTo(start);
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.millis()).isEqualTo(start.toEpochMilli() + 1500);
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .hasMessageContaining("only moves forward");
  }

  @Test
  void zoneViewsShareTheTime() {
    TestClock clock = TestClock.create();
    var oslo = clock.withZone(ZoneId.of("Europe/Oslo"));
    clock.advance(Duration.ofHours(1));
    assertThat(oslo.instant()).isEqualTo(clock.instant());
  }

  @Test
  void concurrentAdvancesAddUpExactly() throws Exception {
    TestClock clock = TestClock.create();
    Instant start = clock.instant();
    int threads = 8;
    int perThread = 10_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < perThread; i++) {
          clock.advance(Duration.ofNanos(3));
        }
      });
      w.start();
      workers.add(w);
    }
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(Duration.between(start, clock.instant()))
        .isEqualTo(Duration.ofNanos(3L * threads * perThread));
    assertThat(clock.monotonicTime())
        .isEqualTo(TestClock.MONOTONIC_START + 3L * threads * perThread);
  }

  @Test
  void advanceMovesWallAndMonotonicTimeTogether() {
    TestClock clock = TestClock.create();
    long start = clock.monotonicTime();
    long wall = clock.wallTime();
    assertThat(start).isEqualTo(TestClock.MONOTONIC_START);

    clock.advance(Duration.ofMillis(5).plusNanos(7));

    assertThat(clock.monotonicTime() - start).isEqualTo(5_000_007);
    assertThat(clock.wallTime() - wall).isEqualTo(5);
    assertThat(clock.instant()).isEqualTo(Instant.parse(TestClock.DEFAULT_START).plusNanos(5_000_007));
  }

  @Test
  void settingTheWallTimeLeavesMonotonicTimeAlone() {
    TestClock clock = TestClock.create().advance(Duration.ofSeconds(2));
    Instant earlier = Instant.parse("2025-06-01T00:00:00Z");

    clock.set(earlier);

    assertThat(clock.instant()).isEqualTo(earlier);
    assertThat(clock.monotonicTime()).isEqualTo(2_000_000_000L);
  }

  @Test
  void servesAsAnMlopsClockAndAsAJavaClock() {
    TestClock clock = TestClock.create();
    MlopsClock mlops = clock;
    assertThat(mlops.asJavaClock()).isSameAs(clock);
    assertThat(mlops.instant()).isEqualTo(clock.instant());
    var oslo = clock.withZone(ZoneId.of("Europe/Oslo"));
    clock.advance(Duration.ofMinutes(1));
    assertThat(((MlopsClock) oslo).monotonicTime()).isEqualTo(60_000_000_000L);
  }
}
