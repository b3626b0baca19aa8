package dev.mlops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.micrometer.MonitorMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MlopsMetricsAutoConfigurationTest {
  @TempDir Path dir;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    Path v1 = TestModelFiles.logistic(dir, "fraud-v1", 2, -1, 0);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, MlopsAutoConfiguration.class,
            MlopsMetricsAutoConfiguration.class, MlopsServingAutoConfiguration.class))
        .withPropertyValues("mlops.models.fraud.path=" + v1, "mlops.models.fraud.version=1");
  }

  @Test
  void monitorsAreBoundToTheApplicationsRegistry() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasBean("mlopsMeterBinder");
      MlopsServing serving = context.getBean(MlopsServing.class);
      for (int i = 0; i < 7; i++) {
        serving.serve(TestModelFiles.request("r" + i, "k" + i, i, 0));
      }
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("mlops.predictions").tag("model.name", "fraud")
          .tag("model.version", "1").tag("arm", "primary").functionCounter().count())
          .isEqualTo(7.0);
      assertThat(registry.get("mlops.latency").functionTimer().count()).isEqualTo(7.0);
    });
  }

  @Test
  void anApplicationBinderOfTheSameNameReplacesIt() {
    MeterBinder own = registry -> registry.counter("own").increment();
    runner.withBean("mlopsMeterBinder", MeterBinder.class, () -> own).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.find("mlops.predictions").meter()).isNull();
      assertThat(registry.get("own").counter().count()).isEqualTo(1.0);
    });
  }

  @Test
  void withoutMlopsMicrometerNoBinderIsCreated() {
    runner.withClassLoader(new FilteredClassLoader(MonitorMeterBinder.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean("mlopsMeterBinder")
          .hasSingleBean(MlopsModels.class);
      assertThat(context.getBean(MeterRegistry.class).find("mlops.predictions").meter())
          .isNull();
    });
  }

  @Test
  void withoutMicrometerNoBinderIsCreated() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsMetricsAutoConfiguration.class))
        .withPropertyValues("mlops.models.fraud.path=" + dir.resolve("fraud-v1.onnx"))
        .withClassLoader(new FilteredClassLoader(MeterBinder.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("mlopsMeterBinder")
            .hasSingleBean(MlopsModels.class));
  }
}
