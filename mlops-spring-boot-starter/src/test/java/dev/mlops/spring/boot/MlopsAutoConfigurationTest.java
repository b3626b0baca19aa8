package dev.mlops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.testkit.TestClock;
import dev.mlops.time.MlopsClock;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MlopsAutoConfigurationTest {
  @TempDir Path dir;
  private Path v1;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    v1 = TestModelFiles.logistic(dir, "fraud-v1", 2, -1, 0);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsRolloutAutoConfiguration.class, MlopsPredictionLogAutoConfiguration.class,
            MlopsServingAutoConfiguration.class));
  }

  @Test
  void declaredModelIsLoadedMonitoredAndServed() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1, "mlops.models.fraud.version=1")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(MlopsModels.class)
              .hasSingleBean(MlopsServing.class).doesNotHaveBean(RolloutController.class);
          MlopsModels models = context.getBean(MlopsModels.class);
          assertThat(models.keys()).containsExactly("fraud");
          Model model = models.require("fraud");
          assertThat(model).isInstanceOf(ModelMonitor.class);
          assertThat(model.name()).isEqualTo("fraud");
          assertThat(model.version()).isEqualTo("1");

          PredictionOutcome out = context.getBean(MlopsServing.class)
              .serve(TestModelFiles.request("r1", "k1", 1.0, 0.0));
          assertThat(out).isInstanceOf(PredictionOutcome.Success.class);
          assertThat(out.arm()).isEqualTo(Arm.PRIMARY);
          // sigmoid(2 * 1 - 1 * 0) = 0.8808: "yes"
          assertThat(out.prediction().orElseThrow().label()).contains("yes");
          assertThat(models.monitor("fraud").orElseThrow().snapshot().predictions()).isEqualTo(1);
        });
  }

  @Test
  void versionDefaultsToTheFilesDigestAndNameToTheKeyOrTheNameProperty() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1,
            "mlops.models.other.resource=file:" + v1, "mlops.models.other.name=fraud-copy")
        .run(context -> {
          MlopsModels models = context.getBean(MlopsModels.class);
          assertThat(models.require("fraud").version()).startsWith("sha256:").hasSize(19);
          assertThat(models.require("other").name()).isEqualTo("fraud-copy");
          assertThat(models.require("other").version())
              .isEqualTo(models.require("fraud").version());
        });
  }

  @Test
  void monitorSettingsComeFromPropertiesThenCustomizers() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1,
            "mlops.monitoring.window-size=25", "mlops.monitoring.psi-threshold=0.3")
        .withBean(MonitorConfigCustomizer.class,
            () -> (key, config) -> config.windowHistory(7))
        .run(context -> {
          ModelMonitor m = context.getBean(MlopsModels.class).monitor("fraud").orElseThrow();
          assertThat(m.config().window().count()).isEqualTo(25);
          assertThat(m.config().psiThreshold()).isEqualTo(0.3);
          assertThat(m.config().windowHistory()).isEqualTo(7);
        });
  }

  @Test
  void monitoringCanBeTurnedOff() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1, "mlops.monitoring.enabled=false")
        .run(context -> {
          MlopsModels models = context.getBean(MlopsModels.class);
          assertThat(models.require("fraud")).isInstanceOf(OnnxModel.class);
          assertThat(models.monitor("fraud")).isEmpty();
        });
  }

  @Test
  void withoutMlopsOnnxNoModelsAreCreated() {
    Path v2 = TestModelFiles.logistic(dir, "fraud-v2", 1, 1, 0);
    runner.withPropertyValues("mlops.models.fraud.path=" + v1, "mlops.models.fraud-v2.path=" + v2,
            "mlops.rollout.primary=fraud", "mlops.rollout.candidate=fraud-v2",
            "mlops.rollout.steps[0].weight=1.0")
        .withClassLoader(new FilteredClassLoader(OnnxModel.class))
        .run(context -> assertThat(context).doesNotHaveBean(MlopsModels.class)
            .doesNotHaveBean(MlopsServing.class).doesNotHaveBean(RolloutController.class)
            .hasSingleBean(MlopsClock.class));
  }

  @Test
  void applicationBeansReplaceTheRegistryAndTheClock() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1)
        .withUserConfiguration(OwnBeans.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(MlopsClock.class)).isSameAs(OwnBeans.CLOCK);
          assertThat(context.getBean(MlopsModels.class).keys()).containsExactly("own");
          assertThat(context.getBean(MlopsServing.class)
              .serve(TestModelFiles.request("r", "k", 0, 0)).modelName()).isEqualTo("logistic");
        });
  }

  @Test
  void aModelThatCannotLoadFailsTheStartNamingPropertyAndPath() {
    Path bad = TestModelFiles.corrupt(dir, "broken");
    runner.withPropertyValues("mlops.models.broken.path=" + bad)
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().isNotNull()
            .satisfies(e -> assertThat(chain(context.getStartupFailure()))
                .contains("mlops.models.broken.path (" + bad.toAbsolutePath() + ")")
                .contains("cannot load the model")));
  }

  @Test
  void aModelThatCannotLoadWithoutFailFastIsRecordedAsFailed() {
    Path bad = TestModelFiles.corrupt(dir, "broken");
    runner.withPropertyValues("mlops.models.broken.path=" + bad,
            "mlops.models.broken.fail-fast=false", "mlops.models.fraud.path=" + v1)
        .run(context -> {
          assertThat(context).hasNotFailed();
          MlopsModels models = context.getBean(MlopsModels.class);
          assertThat(models.keys()).containsExactly("fraud", "broken");
          assertThat(models.find("broken")).isEmpty();
          assertThat(models.failure("broken")).get().asString()
              .contains("mlops.models.broken.path (" + bad.toAbsolutePath() + ")");
          assertThat(models.failure("fraud")).isEmpty();
        });
  }

  @Test
  void aMonitorThatCannotBeBuiltFailsTheStartNamingTheModel() {
    runner.withPropertyValues("mlops.models.fraud.path=" + v1)
        .withBean(MonitorConfigCustomizer.class, () -> (key, config) -> config.rule(
            dev.mlops.monitoring.AlertRule.above("odd", "no.such.metric", 1)))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(chain(context.getStartupFailure()))
              .contains("mlops.monitoring: cannot monitor 'fraud': ")
              .contains("no.such.metric");
        });
  }

  @Test
  void aReferenceProfileThatCannotBeReadFailsTheStartNamingPropertyAndPath() throws Exception {
    Path reference = java.nio.file.Files.writeString(dir.resolve("reference.json"), "{\"v\": ");
    runner.withPropertyValues("mlops.models.fraud.path=" + v1,
            "mlops.models.fraud.reference=" + reference)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(chain(context.getStartupFailure())).contains("mlops.models.fraud.reference ("
              + reference.toAbsolutePath() + "): cannot read the reference profile: ");
        });
  }

  static String chain(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      s.append(c.getMessage()).append('\n');
    }
    return s.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final TestClock CLOCK = TestClock.create();

    @Bean
    MlopsClock clock() {
      return CLOCK;
    }

    @Bean(destroyMethod = "close")
    MlopsModels models() {
      return MlopsModels.builder()
          .add("own", ModelMonitor.of(dev.mlops.testkit.onnx.TestOnnxModels.logistic(
              new double[] {1, 1}, 0)))
          .build();
    }
  }
}
