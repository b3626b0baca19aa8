package dev.mlops.core.deployment;

import dev.mlops.FailureKind;
import dev.mlops.deployment.PairedAccuracyTest;
import dev.mlops.deployment.ShadowDisagreement;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.evaluation.ConfidenceInterval;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.scoping.Measurement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Compares a shadow candidate's answers with the primary's on the same requests: agreement (same
 * label, or values within the tolerance for a regressor), paired value deltas, the candidate's
 * failures, a bounded sample of disagreements, and McNemar's cells once labels arrive.
 *
 * <p>Thread-safe: counters are adders; the disagreement sample is guarded by its own lock.
 */
final class ShadowComparison {
  /** z of a two-sided 95 % interval, {@code Φ⁻¹(0.975)}. */
  private static final double Z95 = 1.959963984540054;

  private final double tolerance;
  private final int sampleSize;
  private final LongAdder shadowed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder compared = new LongAdder();
  private final LongAdder agreed = new LongAdder();
  private final LongAdder pairs = new LongAdder();
  private final DoubleAdder deltaSum = new DoubleAdder();
  private final DoubleAdder absDeltaSum = new DoubleAdder();
  private final LongAdder[] failures = new LongAdder[FailureKind.values().length];
  private final LongAdder bothRight = new LongAdder();
  private final LongAdder primaryOnlyRight = new LongAdder();
  private final LongAdder candidateOnlyRight = new LongAdder();
  private final LongAdder neitherRight = new LongAdder();
  private final List<ShadowDisagreement> sample = new ArrayList<>();

  ShadowComparison(double tolerance, int sampleSize) {
    this.tolerance = tolerance;
    this.sampleSize = sampleSize;
    for (int i = 0; i < failures.length; i++) {
      failures[i] = new LongAdder();
    }
  }

  void shadowed() {
    shadowed.increment();
  }

  void dropped() {
    dropped.increment();
  }

  /** Compares the candidate's outcome with the primary's on the same request. */
  void compare(PredictionOutcome primary, PredictionOutcome candidate) {
    if (candidate instanceof PredictionOutcome.Failure f) {
      failures[f.kind().ordinal()].increment();
    }
    Optional<Prediction> p = primary.prediction();
    if (p.isEmpty()) {
      return; // nothing to compare with
    }
    compared.increment();
    Optional<Prediction> c = candidate.prediction();
    boolean agree = c.isPresent() && agrees(p.get(), c.get());
    if (agree) {
      agreed.increment();
    } else {
      keep(new ShadowDisagreement(primary.requestId(), primary.request().features(), p.get(), c));
    }
  }

  private boolean agrees(Prediction p, Prediction c) {
    if (p.label().isPresent()) {
      return p.label().equals(c.label());
    }
    OptionalDouble a = p.score();
    OptionalDouble b = c.score();
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    double delta = b.getAsDouble() - a.getAsDouble();
    pairs.increment();
    deltaSum.add(delta);
    absDeltaSum.add(Math.abs(delta));
    return Math.abs(delta) <= tolerance;
  }

  private void keep(ShadowDisagreement d) {
    synchronized (sample) {
      if (sample.size() < sampleSize) {
        sample.add(d);
      }
    }
  }

  /** Records one labelled pair: which of the two models was right. */
  void recordLabelledPair(boolean primaryRight, boolean candidateRight) {
    if (primaryRight && candidateRight) {
      bothRight.increment();
    } else if (primaryRight) {
      primaryOnlyRight.increment();
    } else if (candidateRight) {
      candidateOnlyRight.increment();
    } else {
      neitherRight.increment();
    }
  }

  Measurement agreement() {
    long n = compared.sum();
    return Measurement.of(n == 0 ? Double.NaN : (double) agreed.sum() / n, n);
  }

  long shadowedCount() {
    return shadowed.sum();
  }

  long droppedCount() {
    return dropped.sum();
  }

  ShadowReport report(ArmStats primary, ArmStats candidate) {
    long n = compared.sum();
    long a = agreed.sum();
    long paired = pairs.sum();
    Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
    long failed = 0;
    for (FailureKind k : FailureKind.values()) {
      long f = failures[k.ordinal()].sum();
      if (f > 0) {
        byKind.put(k, f);
        failed += f;
      }
    }
    long ran = shadowed.sum() - dropped.sum();
    List<ShadowDisagreement> disagreements;
    synchronized (sample) {
      disagreements = List.copyOf(sample);
    }
    return new ShadowReport(
        shadowed.sum(), dropped.sum(), n, a, n == 0 ? Double.NaN : (double) a / n,
        n == 0 ? Optional.empty() : Optional.of(wilson(a, n)), paired,
        paired == 0 ? Double.NaN : deltaSum.sum() / paired,
        paired == 0 ? Double.NaN : absDeltaSum.sum() / paired, failed, byKind,
        ran <= 0 ? Double.NaN : (double) failed / ran,
        primary.latencyMillis(0.99).value(), candidate.latencyMillis(0.99).value(),
        disagreements, pairedAccuracy());
  }

  Optional<PairedAccuracyTest> pairedAccuracy() {
    long both = bothRight.sum();
    long b = primaryOnlyRight.sum();
    long c = candidateOnlyRight.sum();
    long neither = neitherRight.sum();
    long labelled = both + b + c + neither;
    if (labelled == 0) {
      return Optional.empty();
    }
    return Optional.of(new PairedAccuracyTest(labelled, both, b, c, neither, mcnemarExact(b, c)));
  }

  /**
   * The 95 % Wilson score interval of {@code k} successes in {@code n} trials, as statsmodels'
   * {@code proportion_confint(k, n, method="wilson")}.
   */
  static ConfidenceInterval wilson(long k, long n) {
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new ConfidenceInterval(0.95, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * McNemar's exact test: two-sided binomial p-value of the smaller discordant count under
   * {@code Bin(b + c, 1/2)}, capped at 1 (statsmodels' {@code mcnemar(exact=True)}).
   */
  static double mcnemarExact(long b, long c) {
    long n = b + c;
    if (n == 0) {
      return 1.0;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many discordant pairs for the exact test: " + n);
    }
    double tail = new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) Math.min(b, c));
    return Math.min(1.0, 2 * tail);
  }

  // ---- journal ----

  Map<String, Object> toJournal() {
    Map<String, Object> m = new java.util.TreeMap<>();
    m.put("shadowed", shadowed.sum());
    m.put("dropped", dropped.sum());
    m.put("compared", compared.sum());
    m.put("agreed", agreed.sum());
    m.put("pairs", pairs.sum());
    m.put("deltaSum", deltaSum.sum());
    m.put("absDeltaSum", absDeltaSum.sum());
    Map<String, Long> byKind = new java.util.TreeMap<>();
    for (FailureKind k : FailureKind.values()) {
      if (failures[k.ordinal()].sum() > 0) {
        byKind.put(k.name(), failures[k.ordinal()].sum());
      }
    }
    m.put("failures", byKind);
    m.put("mcnemar", List.of(bothRight.sum(), primaryOnlyRight.sum(), candidateOnlyRight.sum(), neitherRight.sum()));
    return m;
  }

  void restore(Map<String, ?> m) {
    shadowed.add(ArmStats.number(m, "shadowed"));
    dropped.add(ArmStats.number(m, "dropped"));
    compared.add(ArmStats.number(m, "compared"));
    agreed.add(ArmStats.number(m, "agreed"));
    pairs.add(ArmStats.number(m, "pairs"));
    deltaSum.add(ArmStats.real(m.get("deltaSum")));
    absDeltaSum.add(ArmStats.real(m.get("absDeltaSum")));
    ArmStats.asMap(m.get("failures")).forEach((k, v) -> failures[FailureKind.valueOf(k).ordinal()].add(((Number) v).longValue()));
    List<?> cells = (List<?>) m.get("mcnemar");
    bothRight.add(((Number) cells.get(0)).longValue());
    primaryOnlyRight.add(((Number) cells.get(1)).longValue());
    candidateOnlyRight.add(((Number) cells.get(2)).longValue());
    neitherRight.add(((Number) cells.get(3)).longValue());
  }
}
