package dev.mlops.core.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * The cumulative counters of a monitor read at one moment; a window is the difference of two
 * readings. Arrays are owned by the reading and never changed after it is made.
 *
 * @param time when it was read
 * @param rows predictions recorded
 * @param errors failures per {@link dev.mlops.FailureKind} ordinal
 * @param nullOutputs predictions without usable output
 * @param unknownFeatures requests with a feature the spec does not know
 * @param labelled predictions with a recorded true label
 * @param correct labelled predictions that were right
 * @param latency the latency histogram's counts
 * @param classes predictions per class
 * @param featureTotals per feature, the totals of {@link FeatureWatch#totals()}
 * @param featureBins per feature, its profile bin counts
 */
record Readings(
    Instant time,
    long rows,
    long[] errors,
    long nullOutputs,
    long unknownFeatures,
    long labelled,
    long correct,
    long[] latency,
    Map<String, Long> classes,
    long[][] featureTotals,
    long[][] featureBins) {

  /** Element-wise {@code now - before}. */
  static long[] minus(long[] now, long[] before) {
    long[] out = new long[now.length];
    for (int i = 0; i < now.length; i++) {
      out[i] = now[i] - before[i];
    }
    return out;
  }
}
