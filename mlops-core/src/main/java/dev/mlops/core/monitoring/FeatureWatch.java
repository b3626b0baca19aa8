package dev.mlops.core.monitoring;

import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.FeatureProfile;
import dev.mlops.monitoring.FeatureStats;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches one feature of the spec: missing and out-of-spec values, unknown categories, text
 * length, the binned profile of the current traffic and a streaming detector. Its memory is fixed
 * when it is built (counters, one slot per reference bin, the detector's own bounded state) and
 * does not grow with traffic.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s and atomic arrays; the detector, which is not
 * thread-safe, is only touched under its own lock.
 */
final class FeatureWatch {
  /** Index of each cumulative total in {@link #totals()}. */
  static final int MISSING = 0;
  static final int OUT_OF_SPEC = 1;
  static final int UNKNOWN_CATEGORY = 2;
  static final int DRIFT_FLAGS = 3;
  static final int TOTALS = 4;

  private final FeatureSpec spec;
  private final NumericRange range;
  private final Set<String> domain;
  private final LongAdder missing = new LongAdder();
  private final LongAdder outOfSpec = new LongAdder();
  private final LongAdder unknownCategories = new LongAdder();
  private final LongAdder lengthSum = new LongAdder();
  private final LongAdder lengthCount = new LongAdder();
  private final LongAdder driftFlags = new LongAdder();
  private final Optional<FeatureProfile> profile;
  private final double[] cutPoints;
  private final Map<String, Integer> categoryBins;
  private final AtomicLongArray bins;
  private final StreamingDriftDetector detector;

  FeatureWatch(FeatureSpec spec, Optional<FeatureProfile> profile,
      Optional<StreamingDriftDetector> detector) {
    this.spec = spec;
    this.range = spec.range().orElse(null);
    this.domain = spec.domain().map(d -> Set.copyOf(d.values())).orElse(null);
    this.profile = profile;
    this.cutPoints = profile.map(p -> p.cutPoints().stream().mapToDouble(Double::doubleValue)
        .toArray()).orElse(new double[0]);
    Map<String, Integer> cats = new HashMap<>();
    profile.ifPresent(p -> {
      for (int i = 0; i < p.categories().size(); i++) {
        cats.put(p.categories().get(i), i);
      }
    });
    this.categoryBins = Map.copyOf(cats);
    this.bins = new AtomicLongArray(profile.map(FeatureProfile::binCount).orElse(0));
    this.detector = spec.type().isNumeric() ? detector.orElse(null) : null;
  }

  String name() {
    return spec.name();
  }

  /**
   * Checks and counts the feature's value in a record.
   *
   * @return whether the record has the feature (present or missing)
   */
  boolean observe(Record record) {
    String name = spec.name();
    if (!record.has(name)) {
      missing.increment();
      return false;
    }
    Object value = record.get(name);
    if (value == null || (value instanceof Double d && d.isNaN())) {
      missing.increment();
      return true;
    }
    FeatureType type = spec.type();
    if (type.isNumeric()) {
      observeNumber(value);
    } else if (type == FeatureType.CATEGORICAL || type == FeatureType.BOOLEAN) {
      observeCategory(value);
    } else if (type == FeatureType.TEXT) {
      observeText(value);
    } else if (!(value instanceof Instant)) {
      outOfSpec.increment();
    }
    return true;
  }

  private void observeNumber(Object value) {
    if (!(value instanceof Number n)) {
      outOfSpec.increment();
      return;
    }
    double v = n.doubleValue();
    boolean inSpec = (range == null || range.contains(v))
        && (spec.type() != FeatureType.INTEGER || Double.isInfinite(v) || v == Math.rint(v));
    if (!inSpec) {
      outOfSpec.increment();
    }
    if (bins.length() > 0 && !Double.isInfinite(v)) {
      bins.incrementAndGet(ReferenceProfiles.bin(cutPoints, v));
    }
    if (detector != null && Double.isFinite(v)) {
      synchronized (detector) {
        if (detector.add(v) == DriftState.DRIFT) {
          driftFlags.increment();
        }
      }
    }
  }

  private void observeCategory(Object value) {
    String s = value.toString();
    if (domain != null && !domain.contains(s)) {
      unknownCategories.increment();
      outOfSpec.increment();
    } else if (spec.length().isPresent() && !fits(s.length())) {
      outOfSpec.increment();
    }
    if (spec.type() == FeatureType.CATEGORICAL) {
      countLength(s.length());
    }
    if (bins.length() > 0) {
      Integer bin = categoryBins.get(s);
      bins.incrementAndGet(bin == null ? bins.length() - 1 : bin);
    }
  }

  private void observeText(Object value) {
    if (!(value instanceof String s)) {
      outOfSpec.increment();
      return;
    }
    countLength(s.length());
    if (spec.length().isPresent() && !fits(s.length())) {
      outOfSpec.increment();
    }
  }

  private void countLength(int length) {
    lengthSum.add(length);
    lengthCount.increment();
  }

  private boolean fits(int length) {
    return length >= spec.length().get().min() && length <= spec.length().get().max();
  }

  long[] totals() {
    long[] out = new long[TOTALS];
    out[MISSING] = missing.sum();
    out[OUT_OF_SPEC] = outOfSpec.sum();
    out[UNKNOWN_CATEGORY] = unknownCategories.sum();
    out[DRIFT_FLAGS] = driftFlags.sum();
    return out;
  }

  long[] bins() {
    long[] out = new long[bins.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bins.get(i);
    }
    return out;
  }

  /**
   * Judges the window whose bin counts and drift flags are given: the PSI against the reference
   * when there is one, else the streaming detector's verdict; empty when the feature has neither.
   */
  Optional<FeatureDrift> drift(long[] windowBins, long windowDriftFlags, double psiThreshold) {
    if (profile.isPresent()) {
      double psi = Psi.of(profile.get().shares(), windowBins);
      return Optional.of(new FeatureDrift(Psi.NAME, psi, psi > psiThreshold));
    }
    if (detector != null) {
      double statistic;
      synchronized (detector) {
        statistic = detector.count() == 0 ? Double.NaN : detector.lastSignal().statistic();
      }
      return Optional.of(new FeatureDrift(detector.name(), statistic, windowDriftFlags > 0));
    }
    return Optional.empty();
  }

  /** Returns what judges this feature's drift: "psi", the detector's name, or empty. */
  Optional<String> judge() {
    if (profile.isPresent()) {
      return Optional.of(Psi.NAME);
    }
    return detector == null ? Optional.empty() : Optional.of(detector.name());
  }

  Optional<DriftState> detectorState() {
    if (detector == null) {
      return Optional.empty();
    }
    synchronized (detector) {
      return Optional.of(detector.state());
    }
  }

  Optional<DriftSignal> lastSignal() {
    if (detector == null) {
      return Optional.empty();
    }
    synchronized (detector) {
      return detector.count() == 0 ? Optional.empty() : Optional.of(detector.lastSignal());
    }
  }

  FeatureStats stats() {
    long n = lengthCount.sum();
    OptionalDouble mean = n == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) lengthSum.sum() / n);
    return new FeatureStats(missing.sum(), outOfSpec.sum(), unknownCategories.sum(), mean);
  }
}
