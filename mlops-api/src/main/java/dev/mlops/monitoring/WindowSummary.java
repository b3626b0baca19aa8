package dev.mlops.monitoring;

import dev.mlops.FailureKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a monitor saw in one closed window. Maps keep the spec's feature order and the model's
 * class order; a feature or class with nothing to count maps to 0.
 *
 * <p>Under concurrent traffic a prediction recorded while its window closes may be counted in a
 * neighbouring window; row ranges and totals over all windows are exact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index 0-based window number
 * @param startRow 0-based number of the window's first prediction since the monitor was created
 * @param endRow one past its last prediction ({@code endRow - startRow == count})
 * @param start when the window opened (monitor clock, wall time)
 * @param end when it closed
 * @param count predictions recorded in it
 * @param latencyP50Ms median caller-measured latency in milliseconds (NaN for an empty window)
 * @param latencyP99Ms 99th percentile latency in milliseconds (NaN for an empty window)
 * @param throughputQps predictions per second of wall time (NaN when no time passed)
 * @param errors failed predictions
 * @param errorsByKind failed predictions by failure kind (kinds with none are left out)
 * @param missing per feature: requests where it was absent, null or NaN
 * @param outOfSpec per feature: present values outside the spec (range, domain, length, type)
 * @param unknownCategories per categorical feature: values outside its domain
 * @param unknownFeatures requests carrying at least one feature the spec does not know
 * @param nullOutputs successful predictions with no usable output (no label and no score, or a
 *     NaN or infinite score)
 * @param classShare per class: its share of the labelled predictions
 * @param drift per feature: the drift verdict
 * @param labelled predictions whose true label was recorded
 * @param accuracy share of labelled predictions that were right; empty without labels
 */
public record WindowSummary(
    long index,
    long startRow,
    long endRow,
    Instant start,
    Instant end,
    long count,
    double latencyP50Ms,
    double latencyP99Ms,
    double throughputQps,
    long errors,
    Map<FailureKind, Long> errorsByKind,
    Map<String, Long> missing,
    Map<String, Long> outOfSpec,
    Map<String, Long> unknownCategories,
    long unknownFeatures,
    long nullOutputs,
    Map<String, Double> classShare,
    Map<String, FeatureDrift> drift,
    long labelled,
    OptionalDouble accuracy) {

  /**
   * Copies the maps, keeping their order, and checks arguments.
   *
   * @throws IllegalArgumentException if a count is negative or the rows do not match the count
   */
  public WindowSummary {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(accuracy, "accuracy");
    if (index < 0 || count < 0 || errors < 0 || startRow < 0 || endRow - startRow != count) {
      throw new IllegalArgumentException("window " + index + " has inconsistent counts: rows ["
          + startRow + ", " + endRow + "), count " + count + ", errors " + errors);
    }
    errorsByKind = copy(errorsByKind);
    missing = copy(missing);
    outOfSpec = copy(outOfSpec);
    unknownCategories = copy(unknownCategories);
    classShare = copy(classShare);
    drift = copy(drift);
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }

  /** Returns the share of failed predictions (NaN for an empty window). */
  public double errorRate() {
    return count == 0 ? Double.NaN : (double) errors / count;
  }
}
