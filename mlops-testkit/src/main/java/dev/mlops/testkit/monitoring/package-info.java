/**
 * Monitoring assertions: {@link dev.mlops.testkit.monitoring.AlertsAssert} checks which alert
 * rules a monitor fired, on what, and how soon after a known change;
 * {@link dev.mlops.testkit.monitoring.MonitorSnapshotAssert} checks a snapshot's alert count,
 * errors, drift states, missing-value rates and class mix.
 */
package dev.mlops.testkit.monitoring;
