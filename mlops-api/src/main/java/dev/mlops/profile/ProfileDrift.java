package dev.mlops.profile;

import dev.mlops.drift.DriftReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift computed between two profiles: the {@link DriftReport} the batch detector's rules give on
 * the profiles' statistics, and per tested column how far its statistic may be from the exact one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param report the drift report; a column's reason notes when its statistic is an estimate
 * @param bounds per tested column whose statistic has a known bound (exact ones included, with
 *     {@code lower == upper}), in report order; binned distances on sketched data have none
 */
public record ProfileDrift(DriftReport report, List<StatisticBound> bounds) {

  /** Copies the list. */
  public ProfileDrift {
    Objects.requireNonNull(report, "report");
    bounds = List.copyOf(bounds);
  }

  /** Returns the bound of column {@code name}, if it was tested. */
  public Optional<StatisticBound> bound(String name) {
    return bounds.stream().filter(b -> b.column().equals(name)).findFirst();
  }
}
