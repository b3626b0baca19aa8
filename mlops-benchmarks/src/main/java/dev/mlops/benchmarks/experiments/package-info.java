/** Benchmarks of experiment tracking: async metric logging and run search. */
package dev.mlops.benchmarks.experiments;
