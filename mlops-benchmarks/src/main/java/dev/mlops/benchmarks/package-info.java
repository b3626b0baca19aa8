/**
 * What the JMH benchmarks share: the seeded data every peer (JVM or not) is timed on, the writer
 * of those data files for the Python peers, and the SVG plotter of the scaling sweeps.
 */
package dev.mlops.benchmarks;
