package dev.mlops.spring.boot;

import dev.mlops.time.MlopsClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Binds {@code mlops.*}, provides the clock every component uses and, with {@code mlops-onnx}
 * on the class path, loads the declared models into an {@link MlopsModels}. An application bean
 * of either type replaces the one made here.
 *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration
@EnableConfigurationProperties(MlopsProperties.class)
public class MlopsAutoConfiguration {

  /** The system clock, unless the application defines its own {@link MlopsClock}. */
  @Bean
  @ConditionalOnMissingBean
  MlopsClock mlopsClock() {
    return MlopsClock.system();
  }

  /** The declared ONNX models, each wrapped in its monitor. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.mlops.onnx.OnnxModel")
  static class OnnxModels {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MlopsModels mlopsModels(MlopsProperties properties, ResourceLoader resources,
        MlopsClock clock, ObjectProvider<MonitorConfigCustomizer> customizers) {
      return DeclaredModels.load(properties, resources, clock,
          customizers.orderedStream().toList());
    }
  }
}
