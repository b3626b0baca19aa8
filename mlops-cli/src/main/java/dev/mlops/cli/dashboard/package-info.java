/**
 * The lifecycle dashboard: one self-contained HTML file (inline CSS and SVG, no script, no network)
 * with a section per lifecycle stage, charts drawn in Java and a data table behind every chart.
 * {@code ./mlops demo} fills it; the output is deterministic for the same content.
 */
package dev.mlops.cli.dashboard;
