package dev.mlops.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the traffic looked like when the model was trained: one {@link FeatureProfile} per feature.
 * {@code dev.mlops.core.monitoring.ReferenceProfiles} builds one from a dataset and reads and
 * writes its JSON form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param features the profiles, in feature order
 */
public record ReferenceProfile(List<FeatureProfile> features) {

  /**
   * Copies and checks.
   *
   * @throws IllegalArgumentException if a feature has two profiles
   */
  public ReferenceProfile {
    features = List.copyOf(features);
    Map<String, FeatureProfile> byName = new LinkedHashMap<>();
    for (FeatureProfile f : features) {
      if (byName.put(f.feature(), f) != null) {
        throw new IllegalArgumentException("feature '" + f.feature() + "' has two profiles");
      }
    }
  }

  /** Returns the profile of a feature, if any. */
  public Optional<FeatureProfile> feature(String name) {
    Objects.requireNonNull(name, "name");
    return features.stream().filter(f -> f.feature().equals(name)).findFirst();
  }
}
