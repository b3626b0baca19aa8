/**
 * {@code ./mlops monitor}: replays recorded traffic through a monitored model and reports its
 * windows and alerts as text or in the JSON contract of the monitoring issue.
 */
package dev.mlops.cli.monitor;
