package dev.mlops.evaluation;

import java.util.Objects;

/**
 * One row of the error-analysis prioritization table: how much is there to gain by improving the
 * model on one group (tag or slice) of the data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the tag or slice
 * @param size examples in the group
 * @param share {@code size} / all examples
 * @param metric the model's metric on the group
 * @param baseline the baseline's metric on the group (e.g. human-level performance)
 * @param gap how far the model is behind the baseline: {@code baseline - metric} when higher is
 *     better, {@code metric - baseline} otherwise; negative when the model is ahead
 * @param potentialGain {@code gap * share}: the overall improvement from closing the gap
 */
public record PrioritizationRow(
    String group, int size, double share, double metric, double baseline, double gap,
    double potentialGain) {
  /** Checks arguments. */
  public PrioritizationRow {
    Objects.requireNonNull(group, "group");
  }
}
