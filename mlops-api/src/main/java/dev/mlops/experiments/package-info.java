/**
 * Experiments: {@link dev.mlops.experiments.ExperimentTracker} records runs (code version,
 * dataset, hyperparameters, results) so models can be compared and reproduced.
 */
package dev.mlops.experiments;
