package dev.mlops.profile;

import java.util.List;
import java.util.Optional;

/**
 * A summary of a dataset or of a stream of records, one {@link ColumnProfile} per column, whose
 * size does not grow with the number of rows. Profiles of parts of the same data (shards, hosts,
 * days) {@linkplain #merge merge} into the profile of the whole: counts, missing counts, minimum,
 * maximum, mean and variance are exact (up to floating-point rounding of the moments); the
 * sketches keep their stated error bounds.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface DatasetProfile {

  /** Returns the number of rows (records) summarised. */
  long rowCount();

  /** Returns the column profiles in column order. */
  List<ColumnProfile> columns();

  /** Returns the column names in order. */
  default List<String> columnNames() {
    return columns().stream().map(ColumnProfile::name).toList();
  }

  /** Returns the profile of column {@code name}, if the profile has one. */
  default Optional<ColumnProfile> find(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Returns the profile of all rows of this profile and of {@code other}. Merging is commutative
   * and associative for every exact statistic; the result lists this profile's columns in order,
   * then those only {@code other} has (a column on one side only is kept as it is).
   *
   * @param other a profile made by the same implementation
   * @return a new profile; neither input changes
   * @throws IllegalArgumentException if a column has different types on the two sides, the
   *     sketches were built with different settings, or {@code other} comes from another
   *     implementation
   */
  DatasetProfile merge(DatasetProfile other);
}
