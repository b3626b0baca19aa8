package dev.mlops.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift result of one column.
 *
 * @param name the column name
 * @param type the feature type as text ("numeric", "categorical", ...)
 * @param test the test used, e.g. "ks", "wasserstein", "jensenshannon"
 * @param statistic the test statistic or distance; NaN when skipped
 * @param pValue the p-value for p-value tests; empty for distance tests and skipped columns
 * @param threshold the decision threshold (p-value below it, or distance at or above it, drifts)
 * @param drifted whether the column drifted
 * @param referenceMissingRate share of missing values in the reference
 * @param currentMissingRate share of missing values in the current data
 * @param newCategories categories seen only in the current data
 * @param status whether the test ran
 * @param reason why the column was skipped, or a note; empty otherwise
 */
public record ColumnDrift(
    String name,
    String type,
    String test,
    double statistic,
    OptionalDouble pValue,
    double threshold,
    boolean drifted,
    double referenceMissingRate,
    double currentMissingRate,
    List<String> newCategories,
    ColumnStatus status,
    Optional<String> reason) {

  /** Copies the list and checks arguments. */
  public ColumnDrift {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(pValue, "pValue");
    newCategories = List.copyOf(newCategories);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "p-value of '" + name + "' must be in [0, 1], was " + pValue.getAsDouble());
    }
    if (status == ColumnStatus.SKIPPED && reason.isEmpty()) {
      throw new IllegalArgumentException("skipped column '" + name + "' needs a reason");
    }
  }
}
