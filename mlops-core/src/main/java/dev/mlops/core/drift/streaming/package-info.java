/**
 * Streaming drift detectors — {@link dev.mlops.core.drift.streaming.AdwinDetector}, {@link
 * dev.mlops.core.drift.streaming.PageHinkleyDetector}, {@link
 * dev.mlops.core.drift.streaming.CusumDetector}, {@link
 * dev.mlops.core.drift.streaming.DdmDetector}, {@link
 * dev.mlops.core.drift.streaming.EddmDetector}, {@link
 * dev.mlops.core.drift.streaming.HddmADetector}, {@link
 * dev.mlops.core.drift.streaming.HddmWDetector}, {@link
 * dev.mlops.core.drift.streaming.KswinDetector} — each with an immutable config record whose
 * {@code moa()} reproduces MOA 2024.07 exactly; {@link
 * dev.mlops.core.drift.streaming.StreamingDetectors} creates them by name and settings text;
 * {@link dev.mlops.core.drift.streaming.PublishingDetector} publishes their drifts as events.
 * See {@code docs/drift-streaming.md}.
 *
 * <p>Persistence: {@link
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
