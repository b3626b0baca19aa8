package dev.mlops.testkit.drift;

import dev.mlops.drift.BatchDriftDetector;

/** The exact-comparison fake keeps the contract every batch detector must. */
class FakeBatchDriftDetectorContractTest extends BatchDriftDetectorContractTest {
  @Override
  protected BatchDriftDetector detector() {
    return FakeBatchDriftDetector.builder().build();
  }
}
