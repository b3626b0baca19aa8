package dev.mlops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.data.Record;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.testkit.TestClock;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MonitorMeterBinderTest {
  private final TestClock clock = TestClock.create();

  private ModelMonitor monitor() {
    return ModelMonitor.of(new ThreeClassModel() {
      @Override
      public dev.mlops.model.Prediction predict(Record record) {
        clock.advance(Duration.ofMillis(4));
        return super.predict(record);
      }
    }, MonitorConfig.builder().window(WindowPolicy.ofCount(5))
        .detectors(f -> java.util.Optional.empty()).build(), clock);
  }

  @Test
  void metersReadTheMonitorWithTheModelTags() {
    ModelMonitor monitor = monitor();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MonitorMeterBinder.of(monitor, Duration.ZERO).bindTo(registry);
    for (double x : new double[] {0.5, 1.5, 1.5, 2.5, 9}) {
      monitor.predict(Record.of(Map.of("x", x)));
    }
    try {
      monitor.predict(Record.of(Collections.singletonMap("x", null)));
    } catch (RuntimeException expected) {
      // counted as an INVALID_INPUT error
    }

    assertThat(registry.get("mlops.predictions").tag("model.name", "three")
        .tag("model.version", "v2").tag("arm", "primary").functionCounter().count())
        .isEqualTo(6);
    assertThat(registry.get("mlops.errors").tag("kind", "INVALID_INPUT").functionCounter()
        .count()).isEqualTo(1);
    assertThat(registry.get("mlops.errors").tag("kind", "ENGINE").functionCounter().count())
        .isZero();
    assertThat(registry.get("mlops.output.class").tag("class", "b").functionCounter().count())
        .isEqualTo(2);
    assertThat(registry.get("mlops.input.out_of_spec").tag("feature", "x").functionCounter()
        .count()).isEqualTo(1);
    assertThat(registry.get("mlops.input.missing").tag("feature", "x").functionCounter()
        .count()).isEqualTo(1);
    FunctionTimer latency = registry.get("mlops.latency").functionTimer();
    assertThat(latency.count()).isEqualTo(6);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6 * 4.0);
    TimeGauge p99 = registry.get("mlops.latency").tag("quantile", "0.99").timeGauge();
    assertThat(p99.value(TimeUnit.MILLISECONDS)).isBetween(4.0, 4.0 * 1.125);
    assertThat(registry.get("mlops.error.rate").gauge().value()).isZero();
    assertThat(registry.get("mlops.jvm.heap.used").gauge().value()).isPositive();
    assertThat(Metrics.globalRegistry.find("mlops.predictions").meters()).isEmpty();
    monitor.close();
  }

  @Test
  void aNegativeRefreshIsRejected() {
    ModelMonitor monitor = monitor();
    assertThatThrownBy(() -> MonitorMeterBinder.of(monitor, Duration.ofSeconds(-1)))
        .hasMessage("refresh must not be negative, was PT-1S");
    monitor.close();
  }

  @Test
  void sixteenThreadsGiveExactCountsInEveryMeter() throws Exception {
    ModelMonitor monitor = ModelMonitor.of(new ThreeClassModel(),
        MonitorConfig.builder().window(WindowPolicy.ofCount(1000)).build(),
        dev.mlops.time.MlopsClock.system());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MonitorMeterBinder.of(monitor, Duration.ZERO).bindTo(registry);
    int threads = 16;
    int perThread = 62_500;
    Record[] inputs = {
      Record.of(Map.of("x", 0.5)), Record.of(Map.of("x", 1.5)), Record.of(Map.of("x", 2.5)),
      Record.of(Map.of("x", 7.0))
    };
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          monitor.predict(inputs[i % 4]);
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    long total = (long) threads * perThread;
    assertThat(registry.get("mlops.predictions").functionCounter().count()).isEqualTo(total);
    assertThat(registry.get("mlops.latency").functionTimer().count()).isEqualTo(total);
    assertThat(registry.get("mlops.output.class").tag("class", "a").functionCounter().count())
        .isEqualTo(total / 4);
    assertThat(registry.get("mlops.output.class").tag("class", "c").functionCounter().count())
        .isEqualTo(total / 2);
    assertThat(registry.get("mlops.input.out_of_spec").functionCounter().count())
        .isEqualTo(total / 4);
    assertThat(registry.get("mlops.in_flight").gauge().value()).isZero();
    monitor.close();
  }
}
