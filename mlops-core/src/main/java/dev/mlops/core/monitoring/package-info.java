/**
 * Production monitoring: {@link dev.mlops.core.monitoring.ModelMonitor}, a decorator of any model
 * that records software, input, output and drift metrics per prediction and per window;
 * {@link dev.mlops.core.monitoring.AlertRules}, rules derived from objectives and the spec;
 * {@link dev.mlops.core.monitoring.RetrainingTrigger}, manual or automatic retraining on alerts;
 * {@link dev.mlops.core.monitoring.MonitoredPipeline}, monitors composed step by step; and
 * {@link dev.mlops.core.monitoring.ReferenceProfiles}, the training-time profile windows are
 * compared with. Micrometer meters for a monitor live in the separate {@code mlops-micrometer}
 * module; this package has no Micrometer dependency.
 */
package dev.mlops.core.monitoring;
