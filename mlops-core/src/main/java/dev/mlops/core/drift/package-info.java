/**
 * Batch drift detection: {@link dev.mlops.core.drift.StatisticalDriftDetector} compares a
 * reference with a current dataset column by column; {@code report} renders its
 * {@link dev.mlops.drift.DriftReport} as text, JSON and a self-contained HTML page.
 *
 * <p>The two-sample tests and distances behind it (each reproducing scipy 1.10's numbers on finite,
 * primitive samples: sort-based, no boxing, stateless) are package-private: users choose them by
 * {@link dev.mlops.drift.DriftTest} name, never by class.
 */
package dev.mlops.core.drift;
