package dev.mlops.drift;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch drift check.
 *
 * <p>Immutable and thread-safe.
 *
 * @param datasetDrift whether the share of drifted columns reached {@code driftShare}
 * @param driftShare the share of tested columns that must drift for dataset drift (default 0.5)
 * @param driftedColumns how many columns drifted
 * @param columnsTested how many columns were tested (not skipped)
 * @param correction the multiple-testing correction applied
 * @param columns per-column results
 */
public record DriftReport(
    boolean datasetDrift,
    double driftShare,
    int driftedColumns,
    int columnsTested,
    Correction correction,
    List<ColumnDrift> columns) {

  /** Copies the list and checks arguments. */
  public DriftReport {
    Objects.requireNonNull(correction, "correction");
    columns = List.copyOf(columns);
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new IllegalArgumentException("driftShare must be in (0, 1], was " + driftShare);
    }
  }
}
