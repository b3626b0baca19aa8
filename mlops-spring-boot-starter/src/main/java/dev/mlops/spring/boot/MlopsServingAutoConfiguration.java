package dev.mlops.spring.boot;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.time.MlopsClock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@link MlopsServing} front over the models, the rollout and the prediction log. *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration(after = {MlopsRolloutAutoConfiguration.class,
    MlopsPredictionLogAutoConfiguration.class})
@ConditionalOnBean(MlopsModels.class)
public class MlopsServingAutoConfiguration {

  /** The serving front. */
  @Bean
  @ConditionalOnMissingBean
  MlopsServing mlopsServing(MlopsModels models, ObjectProvider<RolloutController> rollout,
      ObjectProvider<PredictionLogger> log, MlopsClock clock) {
    return new MlopsServing(models, Optional.ofNullable(rollout.getIfAvailable()),
        Optional.ofNullable(log.getIfAvailable()), clock);
  }
}
