package dev.mlops.core.feedback;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The realized performance of one model version in one time window, as far as labels have
 * arrived. Immutable and thread-safe.
 *
 * @param modelVersion the version
 * @param start the window's first instant (by the requests' receive time)
 * @param end the instant after the window
 * @param labeled how many of its predictions have their label
 * @param metrics the metrics, named as in {@link dev.mlops.scoping.KeyMetrics}
 */
public record WindowPerformance(
    String modelVersion, Instant start, Instant end, long labeled, Map<String, Double> metrics) {

  /** Copies the metrics and checks arguments. */
  public WindowPerformance {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
