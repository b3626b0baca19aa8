package dev.mlops.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs killed with SIGKILL while logging; several processes sharing one store. */
class CrashSafetyTest {
  @TempDir Path dir;

  static Process child(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable", "-cp", System.getProperty("java.class.path"),
        LoggingChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Reads the next line of the child's protocol (RUN, ACK, DONE), skipping JVM warnings. */
  static String protocolLine(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
    } while (line != null && !(line.startsWith("RUN ") || line.startsWith("ACK ") || line.equals("DONE")));
    return line;
  }

  @Test
  void killDashNineLosesNothingThatWasFlushed() throws Exception {
    Random random = new Random(20260101L);
    Path store = dir.resolve("store");
    List<String> victims = new ArrayList<>();
    List<Long> acked = new ArrayList<>();
    for (int round = 0; round < 16; round++) {
      int acksBeforeKill = round == 0 ? 0 : 1 + random.nextInt(40);
      Process p = child("crash", store.toString());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String runLine = protocolLine(in);
        assertThat(runLine).startsWith("RUN ");
        victims.add(runLine.substring(4));
        long lastAck = -1;
        for (int k = 0; k < acksBeforeKill; k++) {
          lastAck = Long.parseLong(protocolLine(in).substring(4));
        }
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        acked.add(lastAck);
      }
    }
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build())) {
      assertThat(tracker.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(StoreProblem.Kind.INCOMPLETE_LAST_LINE));
      for (int i = 0; i < victims.size(); i++) {
        String id = victims.get(i);
        RunRecord run = tracker.findRun(id).orElseThrow();
        List<MetricPoint> history = tracker.metricHistory(id, "m");
        assertThat((long) history.size()).as("points of run %d", i).isGreaterThan(acked.get(i));
        for (int j = 0; j < history.size(); j++) {
          assertThat(history.get(j).step()).isEqualTo(j);
          assertThat(history.get(j).value()).isEqualTo(j);
        }
        if (acked.get(i) >= 0) {
          assertThat(Long.parseLong(run.tags().get("last"))).isGreaterThanOrEqualTo(acked.get(i));
        }
      }
      assertThat(tracker.searchRuns(RunQuery.of(List.of("crash"), "attributes.status = 'RUNNING'", List.of())).runs())
          .hasSize(victims.size());
      try (var run = tracker.startRun("crash", "after")) {
        run.logMetric("m", 1);
      }
      assertThat(tracker.experimentNames()).containsExactly("crash");
    }
  }

  @Test
  void fourProcessesTimesFourThreadsLoseNothing() throws Exception {
    int processes = 4;
    int threads = 4;
    int points = 2_000;
    Path store = dir.resolve("shared");
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      children.add(child("threads", store.toString(), Integer.toString(threads), Integer.toString(points)));
    }
    for (Process p : children) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(protocolLine(in)).isEqualTo("DONE");
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build())) {
      assertThat(tracker.problems()).isEmpty();
      assertThat(tracker.experimentNames()).containsExactly("shared");
      List<RunRecord> runs = tracker.searchRuns(RunQuery.of(List.of("shared"), "attributes.status = 'FINISHED'", List.of())).runs();
      assertThat(runs).hasSize(processes * threads);
      long total = 0;
      for (RunRecord r : runs) {
        total += tracker.metricHistory(r.runId(), "m").size();
        assertThat(r.latestMetrics().get("m").step()).isEqualTo(points - 1);
      }
      assertThat(total).isEqualTo((long) processes * threads * points);
    }
  }

  /**
   * Four JVMs create differently named experiments at the same instant. Each child holds the
   * experiments file's lock while it appends; closing any other descriptor of that file in the
   * same process would silently drop the lock (POSIX semantics) and let two children hand out
   * the same id.
   */
  @Test
  void fourProcessesCreatingExperimentsAtTheSameInstantGetDistinctIds() throws Exception {
    int processes = 4;
    int perProcess = 12;
    Path store = dir.resolve("same-instant");
    FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build()).close();
    long start = System.currentTimeMillis() + 3_000; // after every child JVM has started
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      children.add(child("experiments", store.toString(), Long.toString(start), "p" + i, Integer.toString(perProcess)));
    }
    Map<String, String> experimentOfRun = new HashMap<>();
    for (Process p : children) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = protocolLine(in); !"DONE".equals(line); line = protocolLine(in)) {
          assertThat(line).isNotNull().startsWith("RUN ");
          String[] parts = line.split(" ");
          experimentOfRun.put(parts[2], parts[1]);
        }
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    assertThat(experimentOfRun).hasSize(processes * perProcess);
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(store.resolve("experiments.jsonl"), StandardCharsets.UTF_8)) {
      ids.add(RunLogFormat.text(RunLogFormat.parse(line.substring(9)), "id"));
    }
    assertThat(ids).as("experiment ids").hasSize(processes * perProcess);
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build())) {
      assertThat(tracker.problems()).isEmpty();
      assertThat(tracker.experimentNames()).hasSize(processes * perProcess);
      experimentOfRun.forEach((run, experiment) ->
          assertThat(tracker.findRun(run).orElseThrow().experimentName()).as("experiment of run %s", run).isEqualTo(experiment));
    }
  }
}
