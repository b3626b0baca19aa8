package dev.mlops.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.spring.boot.MlopsAutoConfiguration;
import dev.mlops.spring.boot.MlopsModels;
import dev.mlops.spring.boot.MlopsRolloutAutoConfiguration;
import dev.mlops.spring.boot.MlopsServing;
import dev.mlops.spring.boot.MlopsServingAutoConfiguration;
import dev.mlops.spring.boot.MonitorConfigCustomizer;
import dev.mlops.spring.boot.actuate.MlopsEndpoint.MlopsReport;
import dev.mlops.spring.boot.actuate.MlopsEndpoint.RolloutReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.jmx.JmxEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.jmx.JmxOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MlopsActuatorAutoConfigurationTest {
  private static final List<String> FEATURES = List.of("f0", "f1");
  @TempDir Path dir;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    Path v1 = write("fraud-v1", 2, -1);
    Path v2 = write("fraud-v2", 1, 1);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsRolloutAutoConfiguration.class, MlopsServingAutoConfiguration.class,
            MlopsActuatorAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=mlops",
            "mlops.models.fraud-v1.path=" + v1, "mlops.models.fraud-v1.version=1",
            "mlops.models.fraud-v2.path=" + v2, "mlops.models.fraud-v2.version=2");
  }

  private Path write(String name, double w0, double w1) {
    return OnnxModels.logisticRegression(FEATURES, List.of("no", "yes"), new double[] {w0, w1}, 0,
        ProbabilityOutput.TENSOR).write(dir.resolve(name + ".onnx"));
  }

  private static PredictionRequest request(int i) {
    return PredictionRequest.builder(Record.of(Map.of("f0", 0.1 * (i % 10), "f1", 0.5)))
        .requestId("r" + i).routingKey("user-" + i).build();
  }

  private ApplicationContextRunner withRollout() {
    return runner.withPropertyValues("mlops.rollout.name=fraud",
        "mlops.rollout.primary=fraud-v1", "mlops.rollout.candidate=fraud-v2",
        "mlops.rollout.steps[0].weight=0.5", "mlops.rollout.steps[0].requests=20",
        "mlops.rollout.steps[1].weight=0.5", "mlops.rollout.steps[1].requests=100000",
        "mlops.rollout.steps[2].weight=1.0",
        "mlops.rollout.gates[0].metric=error.rate", "mlops.rollout.gates[0].at-most=0.01");
  }

  @Test
  void reportHasModelsMonitorsAndTheRolloutWithItsLastGates() {
    withRollout().run(context -> {
      MlopsServing serving = context.getBean(MlopsServing.class);
      for (int i = 0; i < 200; i++) {
        serving.serve(request(i));
      }
      MlopsReport report = context.getBean(MlopsEndpoint.class).report();
      assertThat(report.models()).containsOnlyKeys("fraud-v1", "fraud-v2");
      MlopsEndpoint.ModelReport v2 = report.models().get("fraud-v2");
      assertThat(v2.version()).isEqualTo("2");
      assertThat(v2.status()).isEqualTo("SERVING");
      assertThat(v2.monitor().arm()).isEqualTo("candidate");
      long served = report.models().get("fraud-v1").monitor().predictions()
          + v2.monitor().predictions();
      assertThat(served).isEqualTo(200);

      RolloutReport rollout = report.rollout();
      assertThat(rollout.name()).isEqualTo("fraud");
      assertThat(rollout.state()).isEqualTo("RUNNING");
      assertThat(rollout.step()).isEqualTo(1);
      assertThat(rollout.steps()).isEqualTo(3);
      assertThat(rollout.lastGates().step()).isZero();
      assertThat(rollout.lastGates().overall()).isEqualTo("PASS");
      assertThat(rollout.lastGates().verdicts()).singleElement().satisfies(v -> {
        assertThat(v.metric()).isEqualTo("error.rate");
        assertThat(v.verdict()).isEqualTo("PASS");
        assertThat(v.candidate()).isZero();
        assertThat(v.threshold()).isEqualTo(0.01);
      });
    });
  }

  @Test
  void writeOperationsMoveTheRollout() {
    withRollout().run(context -> {
      MlopsEndpoint endpoint = context.getBean(MlopsEndpoint.class);
      assertThat(endpoint.rollout("pause", "incident 42").state()).isEqualTo("PAUSED");
      assertThat(endpoint.report().rollout().reason()).contains("incident 42");
      assertThat(endpoint.rollout("resume", null).state()).isEqualTo("RUNNING");
      RolloutReport promoted = endpoint.rollout("promote", null);
      assertThat(promoted.step()).isEqualTo(1);
      assertThat(promoted.reason()).contains("promote through /actuator/mlops");
      assertThat(endpoint.rollout("abort", "bad canary").state()).isEqualTo("ABORTED");
      assertThatThrownBy(() -> endpoint.rollout("promote", null))
          .isInstanceOf(InvalidEndpointRequestException.class)
          .hasMessageStartingWith("promote refused: ").hasMessageContaining("ABORTED");
      assertThatThrownBy(() -> endpoint.rollout("rewind", null))
          .isInstanceOf(InvalidEndpointRequestException.class)
          .hasMessage("unknown action 'rewind'; actions: [pause, resume, promote, abort]");
    });
  }

  @Test
  void writeOperationsAreOffUnlessAccessIsUnrestricted() {
    ApplicationContextRunner jmx = withRollout()
        .withConfiguration(AutoConfigurations.of(JmxAutoConfiguration.class,
            EndpointAutoConfiguration.class, JmxEndpointAutoConfiguration.class))
        .withPropertyValues("spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=mlops");
    jmx.run(context -> assertThat(operations(context)).containsExactly(OperationType.READ));
    jmx.withPropertyValues("management.endpoint.mlops.access=UNRESTRICTED")
        .run(context -> assertThat(operations(context))
            .containsExactlyInAnyOrder(OperationType.READ, OperationType.WRITE));
  }

  private static List<OperationType> operations(AssertableApplicationContext context) {
    return context.getBean(JmxEndpointsSupplier.class).getEndpoints().stream()
        .filter(e -> e.getEndpointId().toString().equals("mlops"))
        .flatMap(e -> e.getOperations().stream()).map(JmxOperation::getType).toList();
  }

  @Test
  void writesWithoutARolloutAreRefused() {
    runner.run(context -> {
      MlopsEndpoint endpoint = context.getBean(MlopsEndpoint.class);
      assertThat(endpoint.report().rollout()).isNull();
      assertThatThrownBy(() -> endpoint.rollout("pause", null))
          .isInstanceOf(InvalidEndpointRequestException.class)
          .hasMessageStartingWith("no rollout is configured");
    });
  }

  @Test
  void noEndpointUnlessExposed() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).doesNotHaveBean(MlopsEndpoint.class)
            .hasBean("mlopsHealthContributor"));
  }

  @Test
  void withoutTheActuatorNothingIsCreated() {
    runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(MlopsModels.class)
            .doesNotHaveBean(MlopsEndpoint.class).doesNotHaveBean("mlopsHealthContributor"));
  }

  @Test
  void applicationBeansReplaceTheEndpointAndTheHealthContributor() {
    HealthIndicator own = () -> Health.up().build();
    runner.withBean("mlopsHealthContributor", HealthContributor.class, () -> own)
        .withBean(MlopsEndpoint.class, () -> new MlopsEndpoint(
            MlopsModels.builder().build(), java.util.Optional.empty()))
        .run(context -> {
          assertThat(context.getBean("mlopsHealthContributor")).isSameAs(own);
          assertThat(context.getBean(MlopsEndpoint.class).report().models()).isEmpty();
        });
  }

  @Test
  void healthIndicatorCanBeTurnedOff() {
    runner.withPropertyValues("management.health.mlops.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("mlopsHealthContributor")
            .hasSingleBean(MlopsEndpoint.class));
  }

  @Test
  void aModelThatFailedToLoadIsDown() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.onnx"), "garbage");
    runner.withPropertyValues("mlops.models.bad.path=" + bad, "mlops.models.bad.fail-fast=false")
        .run(context -> {
          Health health = health(context, "bad");
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails().get("error").toString())
              .contains("mlops.models.bad.path (" + bad.toAbsolutePath() + ")");
          assertThat(health(context, "fraud-v1").getStatus()).isEqualTo(Status.UP);
          MlopsEndpoint.ModelReport report =
              context.getBean(MlopsEndpoint.class).report().models().get("bad");
          assertThat(report.status()).isEqualTo("FAILED");
          assertThat(report.failure()).contains("cannot load the model");
        });
  }

  @Test
  void anAlertShowsAsTheConfiguredStatusUntilItsRuleCouldFireAgainAndDidNot() {
    // requests without f1 fail (INVALID_INPUT): window 0 has an error rate of 1, window 1 of 0
    MonitorConfigCustomizer errors = (key, config) ->
        config.rule(AlertRule.above("errors", "error.rate", 0.5).coolDown(0));
    runner.withPropertyValues("mlops.monitoring.window-size=10")
        .withBean(MonitorConfigCustomizer.class, () -> errors)
        .run(context -> {
          MlopsServing serving = context.getBean(MlopsServing.class);
          assertThat(health(context, "fraud-v1").getStatus()).isEqualTo(Status.UP);
          for (int i = 0; i < 10; i++) {
            serving.serve("fraud-v1", PredictionRequest.of(Record.of(Map.of("f0", 1.0))));
          }
          await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
              assertThat(health(context, "fraud-v1").getStatus().getCode())
                  .isEqualTo("DEGRADED"));
          assertThat(health(context, "fraud-v1").getDetails().get("alerts").toString())
              .contains("error.rate");
          assertThat(context.getBean(MlopsEndpoint.class).report().models().get("fraud-v1")
              .activeAlerts()).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("errors");
                assertThat(a.window()).isZero();
                assertThat(a.value()).isEqualTo(1.0);
              });
          assertThat(health(context, "fraud-v2").getStatus()).isEqualTo(Status.UP);
          for (int i = 10; i < 20; i++) {
            serving.serve("fraud-v1", request(i));
          }
          await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
              assertThat(health(context, "fraud-v1").getStatus()).isEqualTo(Status.UP));
        });
  }

  @Test
  void aPersistingBreachStaysActiveThroughTheRulesCoolDown() {
    // error.rate 0 is below 1 in every window: the rule fires in window 0, is quiet for the
    // default 5 windows of cool-down, and fires again in window 6
    MonitorConfigCustomizer always =
        (key, config) -> config.rule(AlertRule.below("always", "error.rate", 1.0));
    runner.withPropertyValues("mlops.monitoring.window-size=5")
        .withBean(MonitorConfigCustomizer.class, () -> always)
        .run(context -> {
          MlopsModels models = context.getBean(MlopsModels.class);
          java.util.concurrent.atomic.AtomicLong closed =
              new java.util.concurrent.atomic.AtomicLong(-1);
          // consumers run in subscription order, after the registry's own
          models.monitor("fraud-v1").orElseThrow().events().onEvent(
              dev.mlops.monitoring.WindowClosed.class, w -> closed.set(w.window().index()));
          MlopsServing serving = context.getBean(MlopsServing.class);
          for (int window = 0; window < 7; window++) {
            for (int i = 0; i < 5; i++) {
              serving.serve("fraud-v1", request(i));
            }
            long expected = window;
            await().atMost(Duration.ofSeconds(10)).until(() -> closed.get() == expected);
            assertThat(models.activeAlerts("fraud-v1")).as("after window %d", window)
                .singleElement().extracting(a -> a.window()).isEqualTo(window < 6 ? 0L : 6L);
          }
        });
  }

  @Test
  void theAlertStatusIsConfigurable() {
    MonitorConfigCustomizer alwaysAlert =
        (key, config) -> config.rule(AlertRule.below("always", "error.rate", 1.0));
    runner.withPropertyValues("mlops.monitoring.window-size=5",
            "mlops.monitoring.alert-health-status=OUT_OF_SERVICE")
        .withBean(MonitorConfigCustomizer.class, () -> alwaysAlert)
        .run(context -> {
          for (int i = 0; i < 5; i++) {
            context.getBean(MlopsServing.class).serve("fraud-v2", request(i));
          }
          await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
              assertThat(health(context, "fraud-v2").getStatus())
                  .isEqualTo(Status.OUT_OF_SERVICE));
        });
  }

  private static Health health(AssertableApplicationContext context, String key) {
    CompositeHealthContributor mlops = (CompositeHealthContributor)
        context.getBean("mlopsHealthContributor", HealthContributor.class);
    return ((HealthIndicator) mlops.getContributor(key)).health();
  }
}
