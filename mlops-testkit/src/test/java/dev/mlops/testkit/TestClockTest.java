package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  }
}
