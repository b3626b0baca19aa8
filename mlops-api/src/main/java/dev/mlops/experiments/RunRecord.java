package dev.mlops.experiments;

import dev.mlops.data.DatasetVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored run as read back from a tracker: its identity, status, params, tags, the latest value
 * of each metric and its dataset inputs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param runId the run's id
 * @param experimentName the experiment it belongs to
 * @param runName a human-readable name
 * @param status the status
 * @param startTime when it started
 * @param endTime when it ended, if it did
 * @param parentRunId the parent of a nested run
 * @param params hyperparameters
 * @param tags tags, including the automatically captured ones
 * @param latestMetrics the last logged point of each metric (highest step, then latest time)
 * @param inputs datasets used, with their context
 */
public record RunRecord(
    String runId,
    String experimentName,
    String runName,
    RunStatus status,
    Instant startTime,
    Optional<Instant> endTime,
    Optional<String> parentRunId,
    Map<String, String> params,
    Map<String, String> tags,
    Map<String, MetricPoint> latestMetrics,
    List<DatasetInput> inputs) {

  /** Copies the collections and checks arguments. */
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentName, "experimentName");
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(parentRunId, "parentRunId");
    params = Map.copyOf(params);
    tags = Map.copyOf(tags);
    latestMetrics = Map.copyOf(latestMetrics);
    inputs = List.copyOf(inputs);
  }

  /**
   * A dataset a run used. Immutable and thread-safe.
   *
   * @param dataset the dataset's identity
   * @param context e.g. "training" or "evaluation"
   */
  public record DatasetInput(DatasetVersion dataset, String context) {
    /** Checks arguments. */
    public DatasetInput {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(context, "context");
    }
  }
}
