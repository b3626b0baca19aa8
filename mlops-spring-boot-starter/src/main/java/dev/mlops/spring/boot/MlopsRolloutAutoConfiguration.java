package dev.mlops.spring.boot;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.time.MlopsClock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * A {@link RolloutController} from {@code mlops.rollout.primary} to {@code mlops.rollout.candidate}
 * with the plan of {@code mlops.rollout.plan-file} or {@code steps} and {@code gates}. An
 * application {@link RolloutPlan} bean replaces the plan of the properties; an application
 * {@link RolloutController} bean replaces the rollout.
 *
 * <p>Stateless; Spring calls each bean method once, on the thread that builds the context.
 */
@AutoConfiguration(after = MlopsAutoConfiguration.class)
@ConditionalOnBean(MlopsModels.class)
@ConditionalOnProperty(prefix = "mlops.rollout", name = "primary")
public class MlopsRolloutAutoConfiguration {

  /** The plan of the properties. */
  @Bean
  @ConditionalOnMissingBean
  RolloutPlan mlopsRolloutPlan(MlopsProperties properties, ResourceLoader resources) {
    return RolloutPlanSource.plan(properties.getRollout(), resources);
  }

  /** The rollout, journaled when {@code mlops.rollout.journal} is set. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  RolloutController mlopsRollout(MlopsProperties properties, MlopsModels models, RolloutPlan plan,
      MlopsClock clock) {
    MlopsProperties.Rollout r = properties.getRollout();
    RolloutController.Builder rollout = RolloutController.builder(r.getName(), plan,
            models.require(r.getPrimary()), models.require(r.getCandidate()))
        .clock(clock)
        .salt(r.getSalt() == null ? r.getName() : r.getSalt())
        .noKeyPolicy(r.getNoKeyPolicy())
        .seed(r.getSeed())
        .labelsExpected(r.isLabelsExpected())
        .dryRun(r.isDryRun());
    if (r.getJournal() != null) {
      rollout.journal(PropertiesCheck.resolve(r.getJournal()));
    }
    return rollout.build();
  }
}
