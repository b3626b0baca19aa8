package dev.mlops.core.monitoring;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.monitoring.FeatureProfile;
import dev.mlops.monitoring.ReferenceProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link ReferenceProfile}s from training data: numeric columns get quantile bins (cut
 * points at the {@code i / bins} quantiles, linear interpolation as numpy's default, duplicates
 * dropped), categorical columns one bin per category seen plus one for anything else; other
 * columns get no profile. A monitor bins each window the same way and compares with the
 * population stability index.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReferenceProfiles {
  /** Default number of quantile bins: {@value} (Evidently's default for binned drift tests). */
  public static final int DEFAULT_BINS = 10;

  private ReferenceProfiles() {}

  /** Profiles every numeric and categorical column with {@value #DEFAULT_BINS} bins. */
  public static ReferenceProfile of(Dataset data) {
    return of(data, DEFAULT_BINS);
  }

  /**
   * Profiles every numeric and categorical column.
   *
   * @param data the reference data
   * @param bins quantile bins per numeric column, {@code >= 2}
   * @throws IllegalArgumentException if {@code bins < 2}
   */
  public static ReferenceProfile of(Dataset data, int bins) {
    Objects.requireNonNull(data, "data");
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, was " + bins);
    }
    List<FeatureProfile> out = new ArrayList<>();
    for (Column c : data.columns()) {
      if (c instanceof NumericColumn n) {
        out.add(numeric(n, bins));
      } else if (c instanceof CategoricalColumn cat) {
        out.add(categorical(cat));
      }
    }
    return new ReferenceProfile(out);
  }

  private static FeatureProfile numeric(NumericColumn c, int bins) {
    double[] values = new double[c.size()];
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      double v = c.value(i);
      if (Double.isFinite(v)) {
        values[n++] = v;
      }
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    List<Double> cuts = new ArrayList<>();
    if (n > 0) {
      for (int i = 1; i < bins; i++) {
        double position = (double) i / bins * (n - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(lo + 1, n - 1);
        double cut = sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        if (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) {
          cuts.add(cut);
        }
      }
    }
    double[] cutArray = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    long[] counts = new long[cuts.size() + 1];
    for (int i = 0; i < n; i++) {
      counts[bin(cutArray, sorted[i])]++;
    }
    return new FeatureProfile(c.name(), cuts, List.of(), shares(counts, n));
  }

  private static FeatureProfile categorical(CategoricalColumn c) {
    List<String> categories = c.categories();
    long[] seen = c.categoryCounts();
    long[] counts = Arrays.copyOf(seen, categories.size() + 1);
    long total = Arrays.stream(seen).sum();
    return new FeatureProfile(c.name(), List.of(), categories, shares(counts, total));
  }

  private static List<Double> shares(long[] counts, long total) {
    List<Double> out = new ArrayList<>(counts.length);
    for (long count : counts) {
      out.add(total == 0 ? 0.0 : (double) count / total);
    }
    return out;
  }

  /** The bin of a value: values equal to a cut point go to the bin above it. */
  static int bin(double[] cutPoints, double value) {
    int i = Arrays.binarySearch(cutPoints, value);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
