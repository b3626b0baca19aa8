package dev.mlops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MlopsPredictionLogAutoConfigurationTest {
  @TempDir Path dir;
  private ApplicationContextRunner runner;

  @BeforeEach
  void setUp() {
    Path v1 = TestModelFiles.logistic(dir, "fraud-v1", 2, -1, 0);
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MlopsAutoConfiguration.class,
            MlopsPredictionLogAutoConfiguration.class, MlopsServingAutoConfiguration.class))
        .withPropertyValues("mlops.models.fraud.path=" + v1);
  }

  @Test
  void offByDefault() {
    runner.run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(PredictionLogger.class));
  }

  @Test
  void servedPredictionsAreLogged() {
    Path logs = dir.resolve("logs");
    runner.withPropertyValues("mlops.prediction-log.enabled=true",
            "mlops.prediction-log.directory=" + logs)
        .run(context -> {
          MlopsServing serving = context.getBean(MlopsServing.class);
          for (int i = 0; i < 5; i++) {
            serving.serve(TestModelFiles.request("req-" + i, "k", i, 1));
          }
          PredictionLogger log = context.getBean(PredictionLogger.class);
          log.flush();
          assertThat(log.written()).isEqualTo(5);
          List<String> lines;
          try (Stream<Path> files = Files.list(logs)) {
            lines = files.flatMap(f -> {
              try {
                return Files.readAllLines(f).stream();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }).toList();
          }
          assertThat(lines).hasSize(5);
          assertThat(lines.get(0)).contains("\"id\":\"req-0\"").contains("\"model\":\"fraud\"");
        });
  }

  @Test
  void anApplicationLoggerReplacesIt() {
    Path own = dir.resolve("own");
    runner.withPropertyValues("mlops.prediction-log.enabled=true",
            "mlops.prediction-log.directory=" + dir.resolve("logs"))
        .withBean(PredictionLogger.class,
            () -> PredictionLogger.builder(PredictionLogConfig.defaults(own)).name("own").build())
        .run(context -> {
          assertThat(context.getBean(PredictionLogger.class).name()).isEqualTo("own");
          context.getBean(MlopsServing.class).serve(TestModelFiles.request("r", "k", 0, 0));
          context.getBean(PredictionLogger.class).flush();
          assertThat(context.getBean(PredictionLogger.class).written()).isEqualTo(1);
          assertThat(Files.exists(dir.resolve("logs"))).isFalse();
        });
  }
}
