package dev.mlops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.scoping.Objectives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MlopsRolloutAutoConfigurationTest {
  @TempDir Path dir;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    Path v1 = TestModelFiles.logistic(dir, "fraud-v1", 2, -1, 0);
    Path v2 = TestModelFiles.logistic(dir, "fraud-v2", 1, 1, 0);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsRolloutAutoConfiguration.class, MlopsServingAutoConfiguration.class))
        .withPropertyValues("mlops.models.fraud-v1.path=" + v1,
            "mlops.models.fraud-v2.path=" + v2);
  }

  @Test
  void noRolloutWithoutAPrimary() {
    runner.run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(RolloutController.class).doesNotHaveBean(RolloutPlan.class));
  }

  @Test
  void rolloutFromPropertiesServesTheCanaryShareAndTagsTheCandidateMonitor() {
    runner.withPropertyValues("mlops.rollout.name=fraud", "mlops.rollout.primary=fraud-v1",
            "mlops.rollout.candidate=fraud-v2", "mlops.rollout.steps[0].weight=0.25",
            "mlops.rollout.steps[0].requests=100000", "mlops.rollout.steps[1].weight=1.0",
            "mlops.rollout.gates[0].metric=error.rate", "mlops.rollout.gates[0].at-most=0.01")
        .run(context -> {
          RolloutController rollout = context.getBean(RolloutController.class);
          assertThat(rollout.status().state()).isEqualTo(RolloutState.RUNNING);
          assertThat(rollout.status().weightBps()).isEqualTo(2500);
          assertThat(rollout.status().salt()).isEqualTo("fraud");
          assertThat(rollout.plan().steps()).hasSize(2);

          MlopsServing serving = context.getBean(MlopsServing.class);
          Map<Arm, Integer> arms = new EnumMap<>(Arm.class);
          for (int i = 0; i < 2000; i++) {
            PredictionOutcome out = serving.serve(
                TestModelFiles.request("r" + i, "user-" + i, 0.5, 0.5));
            assertThat(out).isInstanceOf(PredictionOutcome.Success.class);
            arms.merge(out.arm(), 1, Integer::sum);
          }
          // murmur3 buckets: the candidate's share of 2000 keys is 25 % within a few points
          assertThat(arms.get(Arm.CANDIDATE)).isBetween(400, 600);
          MlopsModels models = context.getBean(MlopsModels.class);
          assertThat(models.monitor("fraud-v2").orElseThrow().snapshot().predictions())
              .isEqualTo((long) arms.get(Arm.CANDIDATE));
          assertThat(models.monitor("fraud-v2").orElseThrow().config().arm())
              .isEqualTo(Arm.CANDIDATE);
          assertThat(models.monitor("fraud-v1").orElseThrow().snapshot().predictions())
              .isEqualTo((long) arms.get(Arm.PRIMARY));
        });
  }

  @Test
  void rolloutFromAPlanFile() throws Exception {
    Path plan = Files.writeString(dir.resolve("PLAN.json"),
        "{\"steps\": [{\"weight\": 0.05, \"requests\": 500}, {\"weight\": 1.0}],"
            + " \"gates\": [{\"metric\": \"error.rate\", \"atMost\": 0.01}]}");
    runner.withPropertyValues("mlops.rollout.primary=fraud-v1",
            "mlops.rollout.candidate=fraud-v2", "mlops.rollout.plan-file=file:" + plan)
        .run(context -> {
          RolloutController rollout = context.getBean(RolloutController.class);
          assertThat(rollout.status().weightBps()).isEqualTo(500);
          assertThat(rollout.plan().step(0).requests()).hasValue(500);
          assertThat(rollout.rolloutName()).isEqualTo("rollout");
        });
  }

  @Test
  void anApplicationPlanReplacesTheProperties() {
    RolloutPlan own = RolloutPlan.builder().step(RolloutStep.canary(7_000, 1_000))
        .gates(Objectives.builder().build()).build();
    runner.withPropertyValues("mlops.rollout.primary=fraud-v1",
            "mlops.rollout.candidate=fraud-v2", "mlops.rollout.steps[0].weight=0.1")
        .withBean(RolloutPlan.class, () -> own)
        .run(context -> assertThat(context.getBean(RolloutController.class).status().weightBps())
            .isEqualTo(7_000));
  }

  @Test
  void aJournaledRolloutResumesAfterARestart() {
    Path journal = dir.resolve("rollouts/fraud.journal");
    ApplicationContextRunner journaled = runner.withPropertyValues(
        "mlops.rollout.primary=fraud-v1", "mlops.rollout.candidate=fraud-v2",
        "mlops.rollout.steps[0].weight=0.1", "mlops.rollout.steps[0].requests=1000",
        "mlops.rollout.steps[1].weight=0.5", "mlops.rollout.steps[1].requests=1000",
        "mlops.rollout.steps[2].weight=1", "mlops.rollout.journal=" + journal);
    journaled.run(context -> context.getBean(RolloutController.class).promote("step up"));
    journaled.run(context -> {
      assertThat(Files.exists(journal)).isTrue();
      RolloutController rollout = context.getBean(RolloutController.class);
      assertThat(rollout.status().step()).isEqualTo(1);
      assertThat(rollout.status().weightBps()).isEqualTo(5_000);
    });
  }

  @Test
  void aRolloutOverAModelThatFailedToLoadFailsTheStart() {
    Path bad = TestModelFiles.corrupt(dir, "broken");
    runner.withPropertyValues("mlops.models.broken.path=" + bad,
            "mlops.models.broken.fail-fast=false", "mlops.rollout.primary=fraud-v1",
            "mlops.rollout.candidate=broken", "mlops.rollout.steps[0].weight=1")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(MlopsAutoConfigurationTest.chain(context.getStartupFailure()))
              .contains("model 'broken' failed to load: mlops.models.broken.path ("
                  + bad.toAbsolutePath() + "): cannot load the model");
        });
  }
}
