package dev.mlops.labels;

import java.util.List;

/**
 * Finds likely mislabeled examples from their given labels and out-of-sample predicted class
 * probabilities (confident learning, Northcutt et al. 2021, as in cleanlab's
 * {@code find_label_issues}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface LabelIssueFinder {

  /**
   * Finds label issues.
   *
   * @param classes class names, in the column order of {@code probabilities}
   * @param labels given label per example, as an index into {@code classes}
   * @param probabilities out-of-sample predicted probabilities, one row per example (for example
   *     from cross-validation); rows must sum to 1
   * @return the confident joint, noise matrix and ranked issues
   * @throws IllegalArgumentException if sizes disagree, a label index is out of range or a row is
   *     not a probability distribution, naming the example
   */
  LabelIssueReport find(List<String> classes, int[] labels, double[][] probabilities);
}
