/** JMH benchmarks of the evaluation metrics and slicing. */
package dev.mlops.benchmarks.evaluation;
