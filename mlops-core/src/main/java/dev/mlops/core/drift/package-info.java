/**
 * Batch drift detection: {@link dev.mlops.core.drift.StatisticalDriftDetector} compares a
 * reference with a current dataset column by column; {@code report} renders its
 * {@link dev.mlops.drift.DriftReport} as text, JSON and a self-contained HTML page.
 */
package dev.mlops.core.drift;
