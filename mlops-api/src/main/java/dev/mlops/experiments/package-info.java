/**
 * Experiments: {@link dev.mlops.experiments.ExperimentTracker} records runs (code version,
 * dataset, hyperparameters, results) so models can be compared and reproduced. A
 * {@link dev.mlops.experiments.RunSpec} says what to start, a {@link dev.mlops.experiments.RunQuery}
 * searches with MLflow's filter syntax and returns a {@link dev.mlops.experiments.RunPage}, and
 * {@link dev.mlops.experiments.RunComparison} puts runs side by side. See docs/experiments.md.
 */
package dev.mlops.experiments;
