/** Scaling sweeps: the main operations timed over input sizes 10³ … 10⁷. */
package dev.mlops.benchmarks.scaling;
