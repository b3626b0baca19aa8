/**
 * Monitoring assertions: {@link dev.mlops.testkit.monitoring.AlertsAssert} checks which alert
 * rules a monitor fired, on what, and how soon after a known change.
 */
package dev.mlops.testkit.monitoring;
