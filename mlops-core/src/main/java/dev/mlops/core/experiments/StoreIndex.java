package dev.mlops.core.experiments;

import dev.mlops.StoreException;
import dev.mlops.experiments.RunRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory view of a store directory, refreshed incrementally before each read: new run
 * directories are picked up and running runs' logs are read from where the last refresh stopped;
 * ended runs are not touched again. Thread-safe (all methods synchronized).
 */
final class StoreIndex {
  private final Path runsDir;
  private final ExperimentLog experiments;
  private final Map<String, RunState> runs = new HashMap<>();

  StoreIndex(Path runsDir, ExperimentLog experiments) {
    this.runsDir = runsDir;
    this.experiments = experiments;
  }

  synchronized void refresh() {
    experiments.refresh();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
      for (Path dir : dirs) {
        String id = dir.getFileName().toString();
        RunState state = runs.computeIfAbsent(id, k -> new RunState(dir.resolve(FileTracker.RUN_LOG)));
        state.refresh();
      }
    } catch (IOException e) {
      throw new StoreException(runsDir.toString(), "cannot list the runs: " + e, e);
    }
  }

  synchronized Optional<RunRecord> find(String runId) {
    RunState state = runs.get(runId);
    if (state == null) {
      Path log = runsDir.resolve(runId).resolve(FileTracker.RUN_LOG);
      if (!Files.exists(log)) {
        return Optional.empty();
      }
      experiments.refresh();
      state = new RunState(log);
      runs.put(runId, state);
    }
    state.refresh();
    return state.readable() ? Optional.of(record(state)) : Optional.empty();
  }

  /** Returns the readable runs of the given experiment ids (all when {@code null}). */
  synchronized List<RunRecord> runs(List<String> experimentIds) {
    refresh();
    List<RunRecord> out = new ArrayList<>();
    for (RunState s : runs.values()) {
      if (s.readable() && (experimentIds == null || experimentIds.contains(s.experimentId()))) {
        out.add(record(s));
      }
    }
    return out;
  }

  synchronized List<StoreProblem> problems() {
    refresh();
    List<StoreProblem> all = new ArrayList<>(experiments.problems());
    runs.values().forEach(s -> all.addAll(s.problems()));
    return all;
  }

  synchronized String experimentId(String name, long nowMillis) {
    return experiments.getOrCreate(name, nowMillis);
  }

  synchronized Optional<String> existingExperimentId(String name) {
    experiments.refresh();
    return experiments.idOf(name);
  }

  synchronized List<String> experimentNames() {
    experiments.refresh();
    return experiments.names();
  }

  private RunRecord record(RunState s) {
    String name = experiments.nameOf(s.experimentId()).orElse("experiment " + s.experimentId());
    return s.toRecord(name);
  }
}
