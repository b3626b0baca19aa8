package dev.mlops.monitoring;

import dev.mlops.FailureKind;
import dev.mlops.drift.DriftState;
import dev.mlops.model.Arm;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a model monitor at one moment: totals since it was created, the JVM's load, the
 * streaming detectors' states and the most recent closed windows. The same numbers a
 * Micrometer binder publishes; without Micrometer this is how a host reads them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param modelName the monitored model's name
 * @param modelVersion its version
 * @param arm which model of a deployment it is
 * @param time when the snapshot was taken
 * @param predictions predictions recorded (successes and failures)
 * @param inFlight predictions running in the model now
 * @param errorsByKind failures by kind (kinds with none are left out)
 * @param latencyTotalNanos the sum of every caller-measured latency, in nanoseconds
 * @param latencyP50Ms median latency over every prediction so far (NaN before any)
 * @param latencyP90Ms 90th percentile latency
 * @param latencyP99Ms 99th percentile latency
 * @param features per feature of the spec: its totals
 * @param unknownFeatures requests carrying a feature the spec does not know
 * @param classCounts per class: predictions of it
 * @param nullOutputs predictions with no usable output
 * @param confidenceHistogram counts of confidences in ten equal bins of [0, 1]
 * @param driftStates per feature with a streaming detector: its current state
 * @param heapUsedBytes the JVM's used heap memory
 * @param systemLoadAverage the system load average over the last minute (negative where the
 *     platform has none)
 * @param windows the most recent closed windows, oldest first
 * @param alerts alerts raised so far
 * @param droppedEvents events the monitor could not queue for its listeners
 */
public record MonitorSnapshot(
    String modelName,
    String modelVersion,
    Arm arm,
    Instant time,
    long predictions,
    long inFlight,
    Map<FailureKind, Long> errorsByKind,
    long latencyTotalNanos,
    double latencyP50Ms,
    double latencyP90Ms,
    double latencyP99Ms,
    Map<String, FeatureStats> features,
    long unknownFeatures,
    Map<String, Long> classCounts,
    long nullOutputs,
    List<Long> confidenceHistogram,
    Map<String, DriftState> driftStates,
    long heapUsedBytes,
    double systemLoadAverage,
    List<WindowSummary> windows,
    long alerts,
    long droppedEvents) {

  /** Copies the collections, keeping their order. */
  public MonitorSnapshot {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(time, "time");
    errorsByKind = copy(errorsByKind);
    features = copy(features);
    classCounts = copy(classCounts);
    driftStates = copy(driftStates);
    confidenceHistogram = List.copyOf(confidenceHistogram);
    windows = List.copyOf(windows);
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }

  /** Returns the failed predictions of every kind. */
  public long errors() {
    return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
