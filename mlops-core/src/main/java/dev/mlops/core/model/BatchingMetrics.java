package dev.mlops.core.model;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of {@link BatchingModel}'s counters.
 *
 * @param requests single-record calls accepted into the queue
 * @param rejected calls refused because the queue was full ({@link BackPressure#REJECT})
 * @param callerRuns calls run unbatched on the caller's thread ({@link BackPressure#CALLER_RUNS})
 * @param batches model calls made by the batcher
 * @param batchSizes batch size to the number of batches of that size
 * @param totalQueueTime summed time records waited between enqueue and their batch's dispatch
 * @param maxQueueTime the longest such wait
 * @param queueTimeHistogram upper bound of a power-of-two microsecond bucket (1 µs, 2 µs, 4 µs,
 *     ...) to the number of records whose wait fell in it
 */
public record BatchingMetrics(
    long requests,
    long rejected,
    long callerRuns,
    long batches,
    Map<Integer, Long> batchSizes,
    Duration totalQueueTime,
    Duration maxQueueTime,
    Map<Duration, Long> queueTimeHistogram) {

  /** Copies the maps into sorted, unmodifiable ones. */
  public BatchingMetrics {
    batchSizes = Collections.unmodifiableMap(new TreeMap<>(batchSizes));
    queueTimeHistogram = Collections.unmodifiableMap(new TreeMap<>(queueTimeHistogram));
  }

  /** Returns the mean batch size, or 0 before the first batch. */
  public double meanBatchSize() {
    long records = batchSizes.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
    return batches == 0 ? 0 : (double) records / batches;
  }

  /** Returns the mean queue time, or zero before the first batch. */
  public Duration meanQueueTime() {
    long records = queueTimeHistogram.values().stream().mapToLong(Long::longValue).sum();
    return records == 0 ? Duration.ZERO : totalQueueTime.dividedBy(records);
  }

  /**
   * Returns the upper bound of the histogram bucket holding the given quantile of queue times
   * (e.g. 0.99), or zero before the first batch.
   *
   * @throws IllegalArgumentException if {@code q} is not in (0, 1]
   */
  public Duration queueTimeQuantile(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1], was " + q);
    }
    long total = queueTimeHistogram.values().stream().mapToLong(Long::longValue).sum();
    long seen = 0;
    for (Map.Entry<Duration, Long> e : queueTimeHistogram.entrySet()) {
      seen += e.getValue();
      if (seen >= Math.ceil(q * total)) {
        return e.getKey();
      }
    }
    return Duration.ZERO;
  }
}
