package dev.mlops.drift;

import dev.mlops.data.Dataset;

/**
 * Compares a reference dataset (e.g. training data) with a current one (e.g. last week's
 * traffic), column by column, and decides whether the dataset drifted.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public non-sealed interface BatchDriftDetector extends DriftDetector {

  /**
   * Compares the two datasets.
   *
   * @param reference the baseline data
   * @param current the data to test against it
   * @return per-column results and the dataset-level decision; columns that cannot be tested are
   *     reported as skipped with a reason
   */
  DriftReport detect(Dataset reference, Dataset current);
}
