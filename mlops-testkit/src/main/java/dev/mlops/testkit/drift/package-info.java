/**
 * Drift testing: seeded {@link dev.mlops.testkit.drift.DriftScenario}s with their ground truth
 * ({@link dev.mlops.testkit.drift.DriftTruth}), AssertJ assertions on batch reports and streaming
 * detectors, a scripted {@link dev.mlops.testkit.drift.FakeBatchDriftDetector}, and the contract
 * kits every {@link dev.mlops.drift.BatchDriftDetector} and
 * {@link dev.mlops.drift.StreamingDriftDetector} extends.
 */
package dev.mlops.testkit.drift;
