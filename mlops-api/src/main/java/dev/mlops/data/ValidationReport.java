package dev.mlops.data;

import java.util.List;

/**
 * The outcome of validating a dataset or record against a {@link DatasetSpec}: every violation
 * found, and how much was checked. A violation is a value, never an exception.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rowsChecked the number of rows checked
 * @param cellsChecked the number of cells checked
 * @param violations the violations in feature order; empty when valid
 */
public record ValidationReport(long rowsChecked, long cellsChecked, List<Violation> violations) {

  /** Copies the list. */
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /** Returns whether no rule was broken. */
  public boolean valid() {
    return violations.isEmpty();
  }

  /** Returns the violations concerning one feature. */
  public List<Violation> violationsOf(String feature) {
    return violations.stream().filter(v -> v.feature().equals(feature)).toList();
  }
}
