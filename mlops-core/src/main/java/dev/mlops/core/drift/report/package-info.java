/**
 * Renderings of a {@link dev.mlops.drift.DriftReport}: plain text, JSON (the field names of the
 * {@code ./mlops drift} contract) and a self-contained HTML page with inline SVG charts.
 */
package dev.mlops.core.drift.report;
