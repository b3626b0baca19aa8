/**
 * Data implementations: CSV and JSON Lines readers and a CSV writer that turn files into
 * {@link dev.mlops.data.Dataset}s with file, line and column in every error.
 */
package dev.mlops.core.data;
