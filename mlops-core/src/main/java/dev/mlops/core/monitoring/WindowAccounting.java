package dev.mlops.core.monitoring;

import dev.mlops.FailureKind;
import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.WindowSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns two {@link Readings} of a monitor into the {@link WindowSummary} of what happened between
 * them.
 *
 * <p>Stateless and thread-safe.
 */
final class WindowAccounting {
  private WindowAccounting() {}

  static WindowSummary between(Readings before, Readings now, long index, long startRow,
      long endRow, Instant start, Instant end, List<FeatureWatch> features, double psiThreshold) {
    long count = endRow - startRow;
    long[] latency = Readings.minus(now.latency(), before.latency());
    double seconds = Duration.between(start, end).toNanos() / 1e9;
    Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
    long errors = 0;
    for (FailureKind k : FailureKind.values()) {
      long n = now.errors()[k.ordinal()] - before.errors()[k.ordinal()];
      if (n > 0) {
        byKind.put(k, n);
        errors += n;
      }
    }
    Map<String, Long> missing = new LinkedHashMap<>();
    Map<String, Long> outOfSpec = new LinkedHashMap<>();
    Map<String, Long> unknownCategories = new LinkedHashMap<>();
    Map<String, FeatureDrift> drift = new LinkedHashMap<>();
    for (int f = 0; f < features.size(); f++) {
      FeatureWatch w = features.get(f);
      long[] t = Readings.minus(now.featureTotals()[f], before.featureTotals()[f]);
      missing.put(w.name(), t[FeatureWatch.MISSING]);
      outOfSpec.put(w.name(), t[FeatureWatch.OUT_OF_SPEC]);
      unknownCategories.put(w.name(), t[FeatureWatch.UNKNOWN_CATEGORY]);
      long[] bins = Readings.minus(now.featureBins()[f], before.featureBins()[f]);
      Optional<FeatureDrift> d = w.drift(bins, t[FeatureWatch.DRIFT_FLAGS], psiThreshold);
      d.ifPresent(v -> drift.put(w.name(), v));
    }
    long labelled = now.labelled() - before.labelled();
    OptionalDouble accuracy = labelled == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) (now.correct() - before.correct()) / labelled);
    return new WindowSummary(index, startRow, endRow, start, end, count,
        LatencyHistogram.quantileMillis(latency, 0.50),
        LatencyHistogram.quantileMillis(latency, 0.99),
        seconds > 0 ? count / seconds : Double.NaN,
        errors, byKind, missing, outOfSpec, unknownCategories,
        now.unknownFeatures() - before.unknownFeatures(),
        now.nullOutputs() - before.nullOutputs(),
        classShares(before.classes(), now.classes()), drift, labelled, accuracy);
  }

  private static Map<String, Double> classShares(Map<String, Long> before, Map<String, Long> now) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : now.entrySet()) {
      long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      counts.put(e.getKey(), n);
      total += n;
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      shares.put(e.getKey(), total == 0 ? 0.0 : (double) e.getValue() / total);
    }
    return shares;
  }
}
