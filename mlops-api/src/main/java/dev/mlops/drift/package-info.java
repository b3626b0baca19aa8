/**
 * Drift: batch detectors comparing a reference with current data
 * ({@link dev.mlops.drift.BatchDriftDetector}, {@link dev.mlops.drift.DriftReport}) and streaming
 * detectors of gradual and sudden change ({@link dev.mlops.drift.StreamingDriftDetector}, whose
 * {@link dev.mlops.drift.DriftSignal} tells the two apart and whose
 * {@link dev.mlops.drift.DetectorSnapshot} survives a restart). Their events implement
 * {@link dev.mlops.events.DriftEvent}.
 */
package dev.mlops.drift;
