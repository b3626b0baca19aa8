package dev.mlops.data;

import java.util.List;
import java.util.Objects;

/**
 * The label distribution of a dataset: counts and shares per class, the rare classes and the
 * imbalance ratio. The input to choosing metrics (precision/recall/F1 instead of accuracy) and a
 * rebalancing strategy on skewed data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labelColumn the label column
 * @param rows the number of rows counted (missing labels count as the class {@code "<missing>"})
 * @param classes the classes, most frequent first (ties by label)
 * @param rareClasses the classes whose share lies below {@code rareShare}, rarest first
 * @param rareShare the share under which a class counts as rare
 * @param imbalanceRatio the largest class count divided by the smallest (1 when balanced,
 *     infinite when a class has no rows; NaN when there are no rows)
 */
public record ClassImbalanceReport(
    String labelColumn,
    long rows,
    List<ClassCount> classes,
    List<String> rareClasses,
    double rareShare,
    double imbalanceRatio) {

  /** Copies the lists and checks arguments. */
  public ClassImbalanceReport {
    Objects.requireNonNull(labelColumn, "labelColumn");
    classes = List.copyOf(classes);
    rareClasses = List.copyOf(rareClasses);
  }

  /** Returns whether some class is rare. */
  public boolean imbalanced() {
    return !rareClasses.isEmpty();
  }
}
