package dev.mlops.core.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What has been read so far of one run log, updated incrementally: a refresh reads only the bytes
 * appended since the last one. Guarded by the owning {@link StoreIndex}'s lock.
 */
final class RunState implements LogScanner.Handler {
  private final Path file;
  private final LogScanner.Position position = new LogScanner.Position();
  private final List<StoreProblem> problems = new ArrayList<>();
  private StoreProblem tailProblem;
  private String runId;
  private String experimentId;
  private String runName;
  private Optional<String> parent = Optional.empty();
  private Instant start;
  private Optional<Instant> end = Optional.empty();
  private RunStatus status = RunStatus.RUNNING;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, MetricPoint> latest = new LinkedHashMap<>();
  private final List<RunRecord.DatasetInput> inputs = new ArrayList<>();
  private RunRecord cached;

  RunState(Path file) {
    this.file = file;
  }

  /** Reads what was appended since the last refresh. */
  void refresh() {
    if (status.terminal() && tailProblem == null) {
      return; // an ended run's log is complete: the writer closed it after the end record
    }
    try {
      long tail = LogScanner.scan(file, position, this);
      tailProblem = tail > 0 ? LogScanner.incompleteTail(file, position.line + 1, tail) : null;
    } catch (IOException e) {
      tailProblem = new StoreProblem(StoreProblem.Kind.UNREADABLE_FILE, file, 0, e.toString());
    }
  }

  /** Returns whether the header was read, so the run can be served. */
  boolean readable() {
    return runId != null;
  }

  String experimentId() {
    return experimentId;
  }

  List<StoreProblem> problems() {
    List<StoreProblem> all = new ArrayList<>(problems);
    if (tailProblem != null) {
      all.add(tailProblem);
    }
    if (runId == null && tailProblem == null && problems.isEmpty()) {
      all.add(new StoreProblem(StoreProblem.Kind.UNREADABLE_FILE, file, 0, "no run header record"));
    }
    return all;
  }

  RunRecord toRecord(String experimentName) {
    if (cached == null || !cached.experimentName().equals(experimentName)) {
      cached = new RunRecord(runId, experimentName, runName, status, start, end, parent, params,
          tags, latest, inputs);
    }
    return cached;
  }

  @Override
  public void line(long lineNumber, String json) {
    try {
      apply(RunLogFormat.parse(json));
      cached = null;
    } catch (RuntimeException e) {
      problems.add(new StoreProblem(StoreProblem.Kind.CORRUPT_LINE, file, lineNumber, e.getMessage()));
    }
  }

  @Override
  public void problem(StoreProblem problem) {
    problems.add(problem);
  }

  private void apply(JsonNode n) {
    String type = n.get("t").textValue();
    if (runId == null && !type.equals("run")) {
      throw new IllegalArgumentException("record of type '" + type + "' before the run header");
    }
    switch (type) {
      case "run" -> {
        long format = RunLogFormat.number(n, "format");
        if (format > RunLogFormat.VERSION) {
          throw new IllegalArgumentException("run log format " + format
              + " is newer than this SDK reads (" + RunLogFormat.VERSION + "); upgrade the SDK");
        }
        runId = RunDataRules.checkRunId(RunLogFormat.text(n, "id"));
        experimentId = RunLogFormat.text(n, "experiment");
        runName = RunLogFormat.text(n, "name");
        start = Instant.ofEpochMilli(RunLogFormat.number(n, "start"));
        parent = n.hasNonNull("parent") ? Optional.of(RunLogFormat.text(n, "parent")) : Optional.empty();
      }
      case "param" -> params.putIfAbsent(RunLogFormat.text(n, "k"), RunLogFormat.text(n, "v"));
      case "tag" -> tags.put(RunLogFormat.text(n, "k"), RunLogFormat.text(n, "v"));
      case "m" -> {
        MetricPoint p = new MetricPoint(RunLogFormat.text(n, "k"),
            RunLogFormat.metricValue(n.path("v")), RunLogFormat.number(n, "s"),
            Instant.ofEpochMilli(RunLogFormat.number(n, "ts")));
        latest.merge(p.key(), p, RunState::later);
      }
      case "input" -> inputs.add(new RunRecord.DatasetInput(RunLogFormat.dataset(n), RunLogFormat.text(n, "context")));
      case "end" -> {
        status = RunStatus.valueOf(RunLogFormat.text(n, "status"));
        end = Optional.of(Instant.ofEpochMilli(RunLogFormat.number(n, "end")));
      }
      default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
    }
  }

  /** MLflow's latest-metric rule: the highest step, then the latest timestamp. */
  static MetricPoint later(MetricPoint a, MetricPoint b) {
    if (a.step() != b.step()) {
      return a.step() > b.step() ? a : b;
    }
    return b.timestamp().isBefore(a.timestamp()) ? a : b;
  }
}
