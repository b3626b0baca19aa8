/**
 * Streaming drift detectors and their persistence: {@link
 * dev.mlops.core.drift.streaming.StreamingDetectorRegistry} restores any registered detector from
 * its {@link dev.mlops.drift.DetectorSnapshot}, and {@link
 * dev.mlops.core.drift.streaming.DetectorSnapshots} reads a stored snapshot document back.
 *
 * <p>Snapshot document layout, shared by every detector ({@code format_version} is the
 * detector's own layout version):
 * <pre>{@code
 * {"detector_type": "adwin", "format_version": 1, "config": {...}, "state": {...}}
 * }</pre>
 */
package dev.mlops.core.drift.streaming;
