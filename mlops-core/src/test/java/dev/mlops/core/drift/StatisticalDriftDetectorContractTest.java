package dev.mlops.core.drift;

import dev.mlops.drift.BatchDriftDetector;
import dev.mlops.testkit.drift.BatchDriftDetectorContractTest;

/** The SDK's batch detector passes the kit hosts hold their own detectors to. */
class StatisticalDriftDetectorContractTest extends BatchDriftDetectorContractTest {
  @Override
  protected BatchDriftDetector detector() {
    return StatisticalDriftDetector.defaults();
  }
}
