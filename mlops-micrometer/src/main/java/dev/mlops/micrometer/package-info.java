/**
 * Micrometer meters for mlops-java: {@link dev.mlops.micrometer.MonitorMeterBinder} publishes a
 * {@code ModelMonitor}'s counters, latency percentiles and drift scores into the host's
 * {@code MeterRegistry} (never the global one). The only module of the project that depends on
 * Micrometer; without it a monitor's numbers are read from its snapshot.
 */
package dev.mlops.micrometer;
