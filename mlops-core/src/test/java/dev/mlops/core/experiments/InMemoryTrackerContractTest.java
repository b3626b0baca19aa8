package dev.mlops.core.experiments;

import dev.mlops.experiments.ExperimentTracker;
import dev.mlops.testkit.experiments.ExperimentTrackerContractTest;

/** The in-memory tracker keeps the same guarantees as the file store and the MLflow client. */
class InMemoryTrackerContractTest extends ExperimentTrackerContractTest {
  @Override
  protected ExperimentTracker tracker() {
    return InMemoryTracker.create();
  }
}
