package dev.mlops.core.profile;

import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.profile.DatasetProfile;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points of profiling: {@link #of(Dataset)} summarises a dataset, {@link #builder} starts a
 * profile to update one record at a time, and {@link #merge} combines profiles of many instances.
 * Profiles are written and read by {@link ProfileCodec}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Profiles {
  private Profiles() {}

  /** Returns the profile of every column of {@code dataset}, with {@link ProfileConfig#defaults()}. */
  public static DatasetProfile of(Dataset dataset) {
    return of(dataset, ProfileConfig.defaults());
  }

  /** Returns the profile of every column of {@code dataset}. */
  public static DatasetProfile of(Dataset dataset, ProfileConfig config) {
    Objects.requireNonNull(dataset, "dataset");
    return new ProfileBuilder(ProfileBuilder.schemaOf(dataset), config).addDataset(dataset).build();
  }

  /**
   * Returns a builder for records with these columns, in this order.
   *
   * @param columns column name to feature type; the profile lists them in the map's iteration
   *     order (use a {@link java.util.LinkedHashMap})
   * @param config the sketch settings
   */
  public static ProfileBuilder builder(Map<String, FeatureType> columns, ProfileConfig config) {
    return new ProfileBuilder(columns, config);
  }

  /** Returns a builder for records shaped like the rows of {@code dataset}. */
  public static ProfileBuilder builder(Dataset like, ProfileConfig config) {
    return new ProfileBuilder(ProfileBuilder.schemaOf(like), config);
  }

  /**
   * Returns the profile of all rows of the given profiles, merged left to right.
   *
   * @throws IllegalArgumentException if there are none or two cannot merge
   */
  public static DatasetProfile merge(Iterable<? extends DatasetProfile> profiles) {
    DatasetProfile out = null;
    for (DatasetProfile p : profiles) {
      out = out == null ? Objects.requireNonNull(p, "profile") : out.merge(p);
    }
    if (out == null) {
      throw new IllegalArgumentException("no profiles to merge");
    }
    return out;
  }
}
