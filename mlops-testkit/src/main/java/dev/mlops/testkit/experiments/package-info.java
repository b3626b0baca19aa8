/**
 * Contract test kits for experiment trackers: abstract JUnit 5 classes that an
 * {@link dev.mlops.experiments.ExperimentTracker} implementation's tests extend, so every backend
 * is held to the same behaviour.
 */
package dev.mlops.testkit.experiments;
