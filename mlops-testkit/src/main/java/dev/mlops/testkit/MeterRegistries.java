package dev.mlops.testkit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The one class of the testkit that touches Micrometer. {@link MlopsExtension} loads it only for
 * a parameter whose type is a Micrometer registry, which a host can declare only with Micrometer
 * on its class path, so a host without Micrometer never loads it. Stateless.
 */
final class MeterRegistries {
  /** Parameter types the extension injects a registry for, by name (no Micrometer link needed). */
  static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
  static final String SIMPLE_METER_REGISTRY = "io.micrometer.core.instrument.simple.SimpleMeterRegistry";

  private MeterRegistries() {}

  /** A registry whose wall and monotonic time are the test clock's, as Micrometer's MockClock would be. */
  static SimpleMeterRegistry create(TestClock clock) {
    return new SimpleMeterRegistry(SimpleConfig.DEFAULT, new Clock() {
      @Override
      public long wallTime() {
        return clock.wallTime();
      }

      @Override
      public long monotonicTime() {
        return clock.monotonicTime();
      }
    });
  }

  /** Closes a registry the extension created. */
  static void close(Object registry) {
    ((SimpleMeterRegistry) registry).close();
  }
}
