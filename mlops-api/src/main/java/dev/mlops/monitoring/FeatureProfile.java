package dev.mlops.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * The reference distribution of one feature, as shares of binned values: for a numeric feature
 * {@code cutPoints.size() + 1} bins (bin {@code i} holds values below {@code cutPoints[i]} and at
 * or above the one before), for a categorical feature one bin per category plus a last bin for any
 * other value. Missing values are not binned (they are counted as missing). A monitor bins every
 * window the same way and compares the shares with the population stability index.
 *
 * <p>Immutable and thread-safe.
 *
 * @param feature the feature's name
 * @param cutPoints ascending finite cut points of a numeric feature; empty for a categorical one
 * @param categories the categories of a categorical feature; empty for a numeric one
 * @param shares the reference share of each bin, each in [0, 1]
 */
public record FeatureProfile(
    String feature, List<Double> cutPoints, List<String> categories, List<Double> shares) {

  /**
   * Copies and checks the profile.
   *
   * @throws IllegalArgumentException if both or neither of cut points and categories are given
   *     (a numeric profile with one bin has no cut points and no categories: that is allowed),
   *     cut points are not ascending and finite, or the share count does not match the bins
   */
  public FeatureProfile {
    Objects.requireNonNull(feature, "feature");
    cutPoints = List.copyOf(cutPoints);
    categories = List.copyOf(categories);
    shares = List.copyOf(shares);
    if (!cutPoints.isEmpty() && !categories.isEmpty()) {
      throw new IllegalArgumentException(
          "profile of '" + feature + "' has both cut points and categories");
    }
    for (int i = 0; i < cutPoints.size(); i++) {
      double c = cutPoints.get(i);
      if (!Double.isFinite(c) || (i > 0 && c <= cutPoints.get(i - 1))) {
        throw new IllegalArgumentException("cut points of '" + feature
            + "' must be finite and strictly ascending, was " + cutPoints);
      }
    }
    int bins = bins(cutPoints, categories);
    if (shares.size() != bins) {
      throw new IllegalArgumentException("profile of '" + feature + "' needs " + bins
          + " shares, was " + shares.size());
    }
    for (double s : shares) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException(
            "shares of '" + feature + "' must be in [0, 1], was " + shares);
      }
    }
  }

  private static int bins(List<Double> cutPoints, List<String> categories) {
    return categories.isEmpty() ? cutPoints.size() + 1 : categories.size() + 1;
  }

  /** Returns whether the feature is categorical. */
  public boolean categorical() {
    return !categories.isEmpty();
  }

  /** Returns the number of bins. */
  public int binCount() {
    return shares.size();
  }
}
