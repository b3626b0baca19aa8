package dev.mlops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Bad {@code mlops.*} settings stop the start with a message naming the property. */
class MlopsPropertiesValidationTest {
  @TempDir Path dir;
  private Path v1;
  private Path v2;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    v1 = TestModelFiles.logistic(dir, "fraud-v1", 2, -1, 0);
    v2 = TestModelFiles.logistic(dir, "fraud-v2", 1, 1, 0);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsRolloutAutoConfiguration.class, MlopsPredictionLogAutoConfiguration.class));
  }

  private void failsWith(String expected, String... properties) {
    runner.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      assertThat(MlopsAutoConfigurationTest.chain(context.getStartupFailure())).contains(expected);
    });
  }

  @Test
  void missingModelFileNamesThePropertyAndThePath() {
    Path missing = dir.resolve("nowhere/fraud.onnx");
    failsWith("mlops.models.fraud.path: no model file at " + missing.toAbsolutePath(),
        "mlops.models.fraud.path=" + missing);
  }

  @Test
  void relativePathsAreReportedAbsolute() {
    failsWith("mlops.models.fraud.path: no model file at "
            + Path.of("models/absent.onnx").toAbsolutePath(),
        "mlops.models.fraud.path=models/absent.onnx");
  }

  @Test
  void missingResourceNamesThePropertyAndTheLocation() {
    failsWith("mlops.models.fraud.resource: no model resource at classpath:models/absent.onnx",
        "mlops.models.fraud.resource=classpath:models/absent.onnx");
  }

  @Test
  void pathAndResourceAreExclusive() {
    failsWith("mlops.models.fraud.path: set exactly one of mlops.models.fraud.path and"
            + " mlops.models.fraud.resource, not both",
        "mlops.models.fraud.path=" + v1, "mlops.models.fraud.resource=file:" + v1);
    failsWith("mlops.models.fraud.path: set exactly one of", "mlops.models.fraud.version=1");
  }

  @Test
  void missingReferenceProfileNamesThePropertyAndThePath() {
    failsWith("mlops.models.fraud.reference: no reference profile at "
            + dir.resolve("ref.json").toAbsolutePath(),
        "mlops.models.fraud.path=" + v1, "mlops.models.fraud.reference=" + dir.resolve("ref.json"));
  }

  @Test
  void badModelOptionsNameTheirProperty() {
    failsWith("mlops.models.fraud.intra-op-threads: must be >= 0, was -1",
        "mlops.models.fraud.path=" + v1, "mlops.models.fraud.intra-op-threads=-1");
    failsWith("mlops.models.fraud.timeout: must be 0 (none) or positive, was PT-1S",
        "mlops.models.fraud.path=" + v1, "mlops.models.fraud.timeout=-1s");
  }

  @Test
  void badMonitoringSettingsNameTheirProperty() {
    failsWith("mlops.monitoring.window-size: must be >= 1 prediction, was 0",
        "mlops.monitoring.window-size=0");
    failsWith("mlops.monitoring.psi-threshold: must be positive and finite, was -0.5",
        "mlops.monitoring.psi-threshold=-0.5");
    failsWith("mlops.monitoring.window-duration: must be positive, was PT0S",
        "mlops.monitoring.window-duration=0s");
    failsWith("mlops.monitoring.max-classes: must be >= 1, was 0",
        "mlops.monitoring.max-classes=0");
  }

  @Test
  void anUnconvertibleValueNamesItsProperty() {
    failsWith("mlops.monitoring.window-size", "mlops.monitoring.window-size=many");
  }

  @Test
  void predictionLogNeedsADirectoryAndASampleRateInRange() {
    failsWith("mlops.prediction-log.directory: must be set when mlops.prediction-log.enabled is"
        + " true", "mlops.prediction-log.enabled=true");
    failsWith("mlops.prediction-log.sample-rate: must be in (0, 1], was 1.5",
        "mlops.prediction-log.enabled=true", "mlops.prediction-log.directory=" + dir,
        "mlops.prediction-log.sample-rate=1.5");
  }

  @Test
  void rolloutModelsMustBeDeclaredAndDistinct() {
    failsWith("mlops.rollout.candidate: no model 'fraud-v3' in mlops.models; declared: [v1]",
        "mlops.models.v1.path=" + v1, "mlops.rollout.primary=v1",
        "mlops.rollout.candidate=fraud-v3", "mlops.rollout.steps[0].weight=1");
    failsWith("mlops.rollout.candidate: must name a model of mlops.models.*",
        "mlops.models.v1.path=" + v1, "mlops.rollout.primary=v1",
        "mlops.rollout.steps[0].weight=1");
    failsWith("mlops.rollout.candidate: must differ from mlops.rollout.primary, both are 'v1'",
        "mlops.models.v1.path=" + v1, "mlops.rollout.primary=v1", "mlops.rollout.candidate=v1",
        "mlops.rollout.steps[0].weight=1");
  }

  @Test
  void rolloutPlanErrorsNameTheStep() {
    String[] models = {"mlops.models.v1.path=" + v1, "mlops.models.v2.path=" + v2,
        "mlops.rollout.primary=v1", "mlops.rollout.candidate=v2"};
    failsWith("mlops.rollout.steps: a rollout needs mlops.rollout.steps or"
        + " mlops.rollout.plan-file", models);
    failsWith("steps[1].weight must be a fraction in [0, 1]",
        concat(models, "mlops.rollout.steps[0].weight=0.1", "mlops.rollout.steps[0].requests=10",
            "mlops.rollout.steps[1].weight=1.5"));
    failsWith("mlops.rollout",
        concat(models, "mlops.rollout.steps[0].weight=0.1", "mlops.rollout.gates[0].metric=nope",
            "mlops.rollout.gates[0].at-most=1"));
    failsWith("mlops.rollout.plan-file: no plan at file:" + dir.resolve("plan.json"),
        concat(models, "mlops.rollout.plan-file=file:" + dir.resolve("plan.json")));
    failsWith("mlops.rollout.plan-file: give either a plan file or mlops.rollout.steps",
        concat(models, "mlops.rollout.plan-file=file:" + dir.resolve("plan.json"),
            "mlops.rollout.steps[0].weight=1"));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
