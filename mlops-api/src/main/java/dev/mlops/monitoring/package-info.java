/**
 * Production monitoring: the settings of a model monitor ({@link dev.mlops.monitoring.MonitorConfig},
 * {@link dev.mlops.monitoring.WindowPolicy}, {@link dev.mlops.monitoring.ReferenceProfile}), what it
 * reports ({@link dev.mlops.monitoring.MonitorSnapshot}, {@link dev.mlops.monitoring.WindowSummary},
 * {@link dev.mlops.monitoring.PipelineSnapshot}), alert rules
 * ({@link dev.mlops.monitoring.AlertRule}), the retraining policy
 * ({@link dev.mlops.monitoring.RetrainingPolicy}) and the monitor's events
 * ({@link dev.mlops.monitoring.WindowClosed}, {@link dev.mlops.monitoring.AlertRaised},
 * {@link dev.mlops.monitoring.RetrainingDecision}). The monitor itself is
 * {@code dev.mlops.core.monitoring.ModelMonitor}.
 */
package dev.mlops.monitoring;
