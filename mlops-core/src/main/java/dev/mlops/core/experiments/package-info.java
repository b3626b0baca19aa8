/**
 * Experiment tracking: the embedded {@link dev.mlops.core.experiments.FileTracker} (a crash-safe
 * directory store with asynchronous logging), its in-memory twin for tests
 * ({@link dev.mlops.core.experiments.InMemoryTracker}), MLflow's naming rules
 * ({@link dev.mlops.core.experiments.RunDataRules}), the automatically captured environment
 * ({@link dev.mlops.core.experiments.RunEnvironment}) and run comparison.
 */
package dev.mlops.core.experiments;
