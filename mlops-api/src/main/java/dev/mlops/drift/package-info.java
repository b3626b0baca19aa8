/**
 * Drift: batch detectors comparing a reference with current data
 * ({@link dev.mlops.drift.BatchDriftDetector}, {@link dev.mlops.drift.DriftReport}) and streaming
 * detectors of gradual and sudden change ({@link dev.mlops.drift.StreamingDriftDetector}).
 */
package dev.mlops.drift;
