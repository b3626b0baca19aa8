package dev.mlops.core.experiments;

import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.testkit.experiments.ExperimentTrackerContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class FileTrackerContractTest extends ExperimentTrackerContractTest {
  @TempDir Path dir;
  private FileTracker tracker;

  @Override
  protected ExperimentTracker tracker() {
    tracker = FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build());
    return tracker;
  }

  @AfterEach
  void close() {
    tracker.close();
  }
}
