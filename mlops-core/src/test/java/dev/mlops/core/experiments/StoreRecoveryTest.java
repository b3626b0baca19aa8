package dev.mlops.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRecoveryTest {
  @TempDir Path dir;

  FileTracker open() {
    return FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build());
  }

  @Test
  void aCutOffExperimentLineIsTerminatedAndSkippedByTheNextWriter() throws Exception {
    try (FileTracker t = open()) {
      t.startRun("first", "r").close();
    }
    Path experiments = dir.resolve("experiments.jsonl");
    Files.writeString(experiments, "1234abcd {\"t\":\"experim", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (FileTracker t = open()) {
      t.startRun("second", "r").close();
      assertThat(t.experimentNames()).containsExactly("first", "second");
      assertThat(t.problems()).singleElement().satisfies(p -> {
        assertThat(p.kind()).isEqualTo(StoreProblem.Kind.CORRUPT_LINE);
        assertThat(p.file()).isEqualTo(experiments);
        assertThat(p.line()).isEqualTo(2);
      });
    }
  }

  @Test
  void aRunWithoutHeaderIsReportedAndOthersAreServed() throws Exception {
    String ok;
    try (FileTracker t = open(); var run = t.startRun("exp", "fine")) {
      ok = run.runId();
    }
    Path bad = dir.resolve("runs").resolve("0123456789abcdef0123456789abcdef").resolve("run.jsonl");
    Files.createDirectories(bad.getParent());
    Files.write(bad, LogLine.frame(RunLogFormat.param("k", "v")));
    try (FileTracker t = open()) {
      assertThat(t.searchRuns(java.util.List.of(), "", java.util.List.of(), 10)).extracting(r -> r.runId()).containsExactly(ok);
      assertThat(t.problems()).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo(bad);
        assertThat(p.detail()).contains("record of type 'param' before the run header");
      });
    }
  }

  @Test
  void environmentIsCapturedAndGitIsAbsentOutsideAWorkTree() {
    assertThat(RunEnvironment.gitTags(dir)).isEmpty();
    Map<String, String> platform = RunEnvironment.platformTags();
    assertThat(platform).containsEntry("mlops.java.version", System.getProperty("java.version"))
        .containsEntry("mlops.os.arch", System.getProperty("os.arch")).containsKey(RunEnvironment.SDK_VERSION);
    assertThat(platform.get(RunEnvironment.SDK_VERSION)).isNotEqualTo("unknown");
  }
}
