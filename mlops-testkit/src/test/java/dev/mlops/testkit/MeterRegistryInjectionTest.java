package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** With Micrometer on the class path the extension injects one registry per test, on the test clock. */
@MlopsTest
class MeterRegistryInjectionTest {
  @Test
  void injectsOneSimpleRegistryPerTestOnTheTestClock(MeterRegistry registry, SimpleMeterRegistry same, TestClock clock) {
    assertThat(registry).isSameAs(same);
    assertThat(registry.config().clock().wallTime()).isEqualTo(clock.wallTime());
    Timer timer = registry.timer("churn.predict");
    Timer.Sample sample = Timer.start(registry);
    clock.advance(Duration.ofMillis(40));
    sample.stop(timer);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
    assertThat(registry.config().clock().wallTime()).isEqualTo(clock.wallTime());
  }

  @Test
  void theRegistryIsClosedAfterTheTest() {
    KitRunner.run(KeepsItsRegistry.class);
    assertThat(KeepsItsRegistry.registry.get().isClosed()).isTrue();
  }

  @MlopsTest
  static class KeepsItsRegistry {
    static final AtomicReference<MeterRegistry> registry = new AtomicReference<>();

    @Test
    void keeps(MeterRegistry r) {
      registry.set(r);
      assertThat(r.isClosed()).isFalse();
    }
  }
}
