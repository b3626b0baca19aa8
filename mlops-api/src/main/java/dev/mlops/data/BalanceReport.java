package dev.mlops.data;

import java.util.List;
import java.util.Objects;

/**
 * How evenly a split spreads the label classes: the distribution in the whole dataset and per
 * part, the largest deviation of any class share in any part, and warnings.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labelColumn the label column
 * @param overall the class counts and shares of the whole dataset, most frequent first
 * @param splits one entry per part, in the order train, dev, test
 * @param largestDeviation the largest {@link SplitBalance#maxDeviation()} over non-empty parts
 * @param warnings human-readable warnings: small data, classes with too few examples in a part
 */
public record BalanceReport(
    String labelColumn,
    List<ClassCount> overall,
    List<SplitBalance> splits,
    double largestDeviation,
    List<String> warnings) {

  /** Copies the lists and checks arguments. */
  public BalanceReport {
    Objects.requireNonNull(labelColumn, "labelColumn");
    overall = List.copyOf(overall);
    splits = List.copyOf(splits);
    warnings = List.copyOf(warnings);
  }

  /** Returns the entry of one part. */
  public SplitBalance split(Split split) {
    return splits.stream()
        .filter(s -> s.split() == split)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no part " + split + " in the report"));
  }
}
