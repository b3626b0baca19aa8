/**
 * {@code ./mlops stream-drift}: runs one streaming drift detector over a CSV column, as it would
 * run inside a service, and prints where it flagged drifts and warnings.
 */
package dev.mlops.cli.streaming;
