/** {@code ./mlops evaluate}: metrics, slices, baselines and the prioritization table from a CSV. */
package dev.mlops.cli.evaluate;
