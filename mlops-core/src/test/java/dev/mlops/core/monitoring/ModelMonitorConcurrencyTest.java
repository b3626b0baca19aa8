package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.FailureKind;
import dev.mlops.data.Record;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.time.MlopsClock;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The concurrency acceptance test: 16 threads x 62,500 = 1M predictions, exact counts. */
class ModelMonitorConcurrencyTest {
  private static final int THREADS = 16;
  private static final int PER_THREAD = 62_500;

  @Test
  void everyCounterIsExactAfterOneMillionConcurrentPredictions() throws Exception {
    ModelMonitor monitor = ModelMonitor.of(new SignModel(), MonitorConfig.builder()
        .window(WindowPolicy.ofCount(1000)).eventCapacity(2000).build(), MlopsClock.system());
    LongAdder windowed = new LongAdder();
    LongAdder windows = new LongAdder();
    monitor.events().onEvent(WindowClosed.class, w -> {
      windowed.add(w.window().count());
      windows.increment();
    });
    Record pos = Record.of(Map.of("x", 1.0));
    Record neg = Record.of(Map.of("x", -1.0));
    Record outOfRange = Record.of(Map.of("x", 20.0));
    Record missing = Record.of(Collections.singletonMap("x", null));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < PER_THREAD; i++) {
          switch (i % 5) {
            case 0 -> monitor.predict(neg);
            case 1 -> monitor.predict(outOfRange);
            case 2 -> {
              try {
                monitor.predict(missing);
              } catch (RuntimeException expected) {
                // counted by the monitor as INVALID_INPUT
              }
            }
            default -> monitor.predict(pos);
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    MonitorSnapshot s = monitor.snapshot();
    monitor.close();

    long total = (long) THREADS * PER_THREAD;
    assertThat(s.predictions()).isEqualTo(total);
    assertThat(s.errorsByKind()).containsExactly(Map.entry(FailureKind.INVALID_INPUT, total / 5));
    assertThat(s.classCounts()).containsExactly(
        Map.entry("neg", total / 5), Map.entry("pos", 3 * total / 5));
    assertThat(s.features().get("x").missing()).isEqualTo(total / 5);
    assertThat(s.features().get("x").outOfSpec()).isEqualTo(total / 5);
    assertThat(s.inFlight()).isZero();
    assertThat(monitor.recordingFailures()).isZero();
    assertThat(windows.sum()).isEqualTo(total / 1000);
    assertThat(windowed.sum()).isEqualTo(total);
    assertThat(s.confidenceHistogram().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(4 * total / 5);
  }
}
