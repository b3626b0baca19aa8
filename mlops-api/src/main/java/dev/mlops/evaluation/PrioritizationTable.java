package dev.mlops.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The prioritization table of the error-analysis loop: per group, share of data, model metric,
 * baseline metric, gap and potential gain, sorted by potential gain (largest first). It tells a
 * team which data to collect or augment next.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric's name
 * @param baselineName the baseline, e.g. "HLP"
 * @param examples all examples
 * @param rows the groups, by potential gain descending, then share descending, then name
 * @param skipped groups left out of {@code rows}, each with the reason (empty, metric undefined,
 *     no baseline value)
 */
public record PrioritizationTable(
    String metric, String baselineName, int examples, List<PrioritizationRow> rows,
    List<String> skipped) {
  /** Copies the lists and checks arguments. */
  public PrioritizationTable {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(baselineName, "baselineName");
    rows = List.copyOf(rows);
    skipped = List.copyOf(skipped);
  }
}
