package dev.mlops.core.experiments.mlflow;

import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.testkit.experiments.ExperimentTrackerContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

class MlflowTrackerContractTest extends ExperimentTrackerContractTest {
  private TestMlflowServer server;

  @Override
  protected ExperimentTracker tracker() {
    try {
      server = new TestMlflowServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MlflowTracker.connect(MlflowConfig.builder(server.uri()).initialBackoff(Duration.ZERO).gitDirectory(null).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }
}
