package dev.mlops.spring.boot.actuate;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.spring.boot.MlopsAutoConfiguration;
import dev.mlops.spring.boot.MlopsModels;
import dev.mlops.spring.boot.MlopsProperties;
import dev.mlops.spring.boot.MlopsRolloutAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code mlops} endpoint and the {@code mlops} health contributor (one indicator per model,
 * {@code /actuator/health/mlops/<key>}), where the application has Spring Boot's actuator.
 *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration(after = {MlopsAutoConfiguration.class, MlopsRolloutAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MlopsModels.class)
public class MlopsActuatorAutoConfiguration {

  /** The endpoint, unless the application defines its own. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(endpoint = MlopsEndpoint.class)
  MlopsEndpoint mlopsEndpoint(MlopsModels models, ObjectProvider<RolloutController> rollout) {
    return new MlopsEndpoint(models, Optional.ofNullable(rollout.getIfAvailable()));
  }

  /** The health contributor; {@code management.health.mlops.enabled=false} turns it off. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledHealthIndicator("mlops")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "mlopsHealthContributor")
    HealthContributor mlopsHealthContributor(MlopsModels models, MlopsProperties properties) {
      Status alertStatus = new Status(properties.getMonitoring().getAlertHealthStatus(),
          "the model's monitor has active alerts");
      Map<String, ModelHealthIndicator> indicators = new LinkedHashMap<>();
      for (String key : models.keys()) {
        indicators.put(key, new ModelHealthIndicator(models, key, alertStatus));
      }
      return CompositeHealthContributor.fromMap(indicators);
    }
  }
}
