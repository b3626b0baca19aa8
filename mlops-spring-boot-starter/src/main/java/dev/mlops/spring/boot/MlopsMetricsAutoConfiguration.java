package dev.mlops.spring.boot;

import dev.mlops.micrometer.MonitorMeterBinder;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds every model monitor's meters ({@link MonitorMeterBinder}, docs/monitoring.md) to the
 * application's own registries: Spring Boot's metrics auto-configuration binds each
 * {@link MeterBinder} bean to each {@code MeterRegistry}; the global registry is never touched.
 * Needs {@code mlops-micrometer} and Micrometer on the class path.
 *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration(after = MlopsAutoConfiguration.class)
@ConditionalOnClass({MeterBinder.class, MonitorMeterBinder.class})
@ConditionalOnBean(MlopsModels.class)
public class MlopsMetricsAutoConfiguration {

  /** Binds the monitors; a bean of the same name replaces it. */
  @Bean
  @ConditionalOnMissingBean(name = "mlopsMeterBinder")
  MeterBinder mlopsMeterBinder(MlopsModels models) {
    return registry -> models.keys().forEach(key ->
        models.monitor(key).ifPresent(m -> MonitorMeterBinder.of(m).bindTo(registry)));
  }
}
