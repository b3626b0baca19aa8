/** Benchmarks of the label-consistency statistics. */
package dev.mlops.benchmarks.labels;
