/** Benchmarks of production monitoring: the overhead of a monitor per prediction. */
package dev.mlops.benchmarks.monitoring;
