package dev.mlops.core.deployment;

import dev.mlops.FailureKind;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.scoping.Measurement;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one arm (primary or candidate) did during one analysis window: requests, failures by kind,
 * latency, predicted classes, and accuracy on the requests whose labels arrived.
 *
 * <p>The error rate counts every failure except {@link FailureKind#REJECTED}: load shedding is
 * the serving front's doing, not the model's.
 *
 * <p>Thread-safe and lock-free on the recording path.
 */
final class ArmStats {
  private final LongAdder requests = new LongAdder();
  private final LongAdder[] failures = new LongAdder[FailureKind.values().length];
  private final LatencyHistogram latency = new LatencyHistogram();
  private final ConcurrentHashMap<String, LongAdder> classes = new ConcurrentHashMap<>();
  private final LongAdder labelled = new LongAdder();
  private final LongAdder correct = new LongAdder();

  ArmStats() {
    for (int i = 0; i < failures.length; i++) {
      failures[i] = new LongAdder();
    }
  }

  void record(PredictionOutcome outcome) {
    requests.increment();
    latency.record(outcome.latency().toNanos());
    if (outcome instanceof PredictionOutcome.Failure f) {
      failures[f.kind().ordinal()].increment();
    } else {
      outcome.prediction().flatMap(p -> p.label())
          .ifPresent(label -> classes.computeIfAbsent(label, k -> new LongAdder()).increment());
    }
  }

  void recordLabel(boolean right) {
    labelled.increment();
    if (right) {
      correct.increment();
    }
  }

  long requests() {
    return requests.sum();
  }

  long failures() {
    long n = 0;
    for (FailureKind k : FailureKind.values()) {
      if (k != FailureKind.REJECTED) {
        n += failures[k.ordinal()].sum();
      }
    }
    return n;
  }

  Map<FailureKind, Long> failuresByKind() {
    Map<FailureKind, Long> out = new EnumMap<>(FailureKind.class);
    for (FailureKind k : FailureKind.values()) {
      long n = failures[k.ordinal()].sum();
      if (n > 0) {
        out.put(k, n);
      }
    }
    return out;
  }

  Measurement errorRate() {
    long n = requests();
    return Measurement.of(n == 0 ? Double.NaN : (double) failures() / n, n);
  }

  Measurement latencyMillis(double quantile) {
    long n = latency.count();
    return Measurement.of(latency.quantileMillis(quantile), n);
  }

  Measurement accuracy() {
    long n = labelled.sum();
    return Measurement.of(n == 0 ? Double.NaN : (double) correct.sum() / n, n);
  }

  /** Class label to count, sorted. */
  Map<String, Long> classCounts() {
    Map<String, Long> out = new TreeMap<>();
    classes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * Total variation distance between this arm's predicted-class shares and another's, with the
   * smaller of the two counts as its sample size; NaN when either predicted no class.
   */
  Measurement classShareDistance(ArmStats other) {
    Map<String, Long> a = classCounts();
    Map<String, Long> b = other.classCounts();
    long na = a.values().stream().mapToLong(Long::longValue).sum();
    long nb = b.values().stream().mapToLong(Long::longValue).sum();
    if (na == 0 || nb == 0) {
      return Measurement.of(Double.NaN, Math.min(na, nb));
    }
    Map<String, Long> all = new TreeMap<>(a);
    b.keySet().forEach(k -> all.putIfAbsent(k, 0L));
    double sum = 0;
    for (String k : all.keySet()) {
      sum += Math.abs(a.getOrDefault(k, 0L) / (double) na - b.getOrDefault(k, 0L) / (double) nb);
    }
    return Measurement.of(sum / 2, Math.min(na, nb));
  }

  // ---- journal ----

  Map<String, Object> toJournal() {
    Map<String, Object> m = new TreeMap<>();
    m.put("requests", requests());
    Map<String, Long> byKind = new TreeMap<>();
    failuresByKind().forEach((k, v) -> byKind.put(k.name(), v));
    m.put("failures", byKind);
    Map<String, Long> buckets = new TreeMap<>();
    latency.buckets().forEach((k, v) -> buckets.put(Integer.toString(k), v));
    m.put("latency", buckets);
    m.put("classes", classCounts());
    m.put("labelled", labelled.sum());
    m.put("correct", correct.sum());
    return m;
  }

  void restore(Map<String, ?> m) {
    requests.add(number(m, "requests"));
    asMap(m.get("failures")).forEach((k, v) -> failures[FailureKind.valueOf(k).ordinal()].add(((Number) v).longValue()));
    asMap(m.get("latency")).forEach((k, v) -> latency.add(Integer.parseInt(k), ((Number) v).longValue()));
    asMap(m.get("classes")).forEach((k, v) -> classes.computeIfAbsent(k, x -> new LongAdder()).add(((Number) v).longValue()));
    labelled.add(number(m, "labelled"));
    correct.add(number(m, "correct"));
  }

  static long number(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("field '" + key + "' must be a number, was " + v);
    }
    return n.longValue();
  }

  /** Reads a double written by Jackson, which writes NaN as the string "NaN". */
  static double real(Object o) {
    if (o == null) {
      return Double.NaN;
    }
    return o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("expected an object, was " + o);
    }
    return (Map<String, Object>) o;
  }
}
