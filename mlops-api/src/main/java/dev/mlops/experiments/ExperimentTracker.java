package dev.mlops.experiments;

import java.util.List;
import java.util.Optional;

/**
 * Records experiments: runs with their code version, data, hyperparameters and results, and finds
 * them again. Backends include an embedded directory store and an MLflow tracking server.
 *
 * <p>Implementations are thread-safe. Logging may be asynchronous; {@link #flush()} waits until
 * everything logged so far is durable.
 */
public interface ExperimentTracker extends AutoCloseable {

  /**
   * Starts a run in an experiment, creating the experiment if needed.
   *
   * @param experimentName the experiment
   * @param runName a human-readable run name
   * @return the active run
   * @throws IllegalArgumentException if a name breaks the naming rules
   */
  default ActiveRun startRun(String experimentName, String runName) {
    return startRun(RunSpec.of(experimentName, runName));
  }

  /**
   * Starts a run as specified, recording the code version and environment as tags.
   *
   * @throws IllegalArgumentException if a name or tag breaks the naming rules, or the parent is
   *     unknown
   */
  ActiveRun startRun(RunSpec spec);

  /** Returns the names of all experiments, in creation order. */
  List<String> experimentNames();

  /**
   * Starts a nested run under a parent.
   *
   * @throws IllegalArgumentException if the parent is unknown or a name breaks the rules
   */
  ActiveRun startChildRun(String parentRunId, String runName);

  /** Returns a run by id, if it exists. */
  Optional<RunRecord> findRun(String runId);

  /** Returns the full history of one metric of a run, in logging order. */
  List<MetricPoint> metricHistory(String runId, String key);

  /**
   * Searches runs of experiments with an MLflow-syntax filter and ordering.
   *
   * @param experimentNames experiments to search
   * @param filter e.g. {@code "metrics.rmse < 1 and params.model = 'tree'"}; empty for all
   * @param orderBy e.g. {@code ["metrics.rmse ASC"]}
   * @param maxResults the most runs to return
   * @throws IllegalArgumentException if the filter or ordering does not parse, naming the
   *     position
   */
  default List<RunRecord> searchRuns(
      List<String> experimentNames, String filter, List<String> orderBy, int maxResults) {
    return searchRuns(
            new RunQuery(experimentNames, filter, orderBy, maxResults, Optional.empty()))
        .runs();
  }

  /**
   * Returns one page of runs matching a query; an empty experiment list searches all
   * experiments.
   *
   * @throws IllegalArgumentException if the filter, ordering or page token does not parse
   */
  RunPage searchRuns(RunQuery query);

  /**
   * Compares runs side by side.
   *
   * @param runIds one or more run ids
   * @throws IllegalArgumentException if no id is given or a run does not exist
   */
  RunComparison compareRuns(List<String> runIds);

  /** Blocks until everything logged so far is durable. */
  void flush();

  /** Flushes and releases resources; idempotent. */
  @Override
  void close();
}
