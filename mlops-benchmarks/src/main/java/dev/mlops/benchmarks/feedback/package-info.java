/** Benchmarks of the prediction log against plain buffered JSON Lines writing. */
package dev.mlops.benchmarks.feedback;
