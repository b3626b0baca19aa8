/** Benchmarks of the data readers. */
package dev.mlops.benchmarks.data;
