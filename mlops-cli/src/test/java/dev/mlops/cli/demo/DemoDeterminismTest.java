package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole demo, twice with the same seed: it covers every lifecycle stage, writes everything
 * under its folder, and its JSON outputs are byte-identical (timestamps come from the injected
 * clock; no absolute path or host name in them).
 */
class DemoDeterminismTest {

  @Test
  void twoRunsWithTheSameSeedWriteByteIdenticalJson() throws IOException {
    Path first = DemoRuns.run("a").dir();
    Path second = DemoRuns.run("b").dir();
    List<Path> json = jsonFiles(first);
    assertThat(json).as("JSON outputs").extracting(Path::toString).contains("spec.json", "validation.json",
        "split-balance.json", "relabel.json", "prioritization.json", "drift.json", "reference-profile.json",
        "rollout.json", "monitoring.json", "performance.json", "runs/mlops-store.json");
    assertThat(jsonFiles(second)).containsExactlyElementsOf(json);
    String host = InetAddress.getLocalHost().getHostName();
    for (Path p : json) {
      byte[] a = Files.readAllBytes(first.resolve(p));
      assertThat(Files.readAllBytes(second.resolve(p))).as(p.toString()).isEqualTo(a);
      String text = new String(a, StandardCharsets.UTF_8);
      assertThat(text).as(p + " has no absolute path").doesNotContain(first.toString())
          .doesNotContain(System.getProperty("user.home"));
      assertThat(text).as(p + " has no host name").doesNotContain("\"" + host + "\"");
    }
    // the other deterministic outputs too; the run folders are named by random run ids (as in MLflow)
    for (String other : List.of("retraining-data.csv", "runs/experiments.jsonl", "rollout-good.journal",
        "rollout-wrong.journal", "breast_cancer_logreg.onnx")) {
      assertThat(Files.readAllBytes(second.resolve(other))).as(other)
          .isEqualTo(Files.readAllBytes(first.resolve(other)));
    }
  }

  @Test
  void aSecondRunIntoTheSameFolderWritesTheSameJson() throws IOException {
    Path first = DemoRuns.run("a").dir();
    Path again = DemoRuns.run("rerun").dir();
    DemoRuns.runInto(again);
    for (Path p : jsonFiles(first)) {
      if (!p.startsWith("runs")) { // the store keeps the runs of both demos, as a store should
        assertThat(Files.readAllBytes(again.resolve(p))).as(p.toString()).isEqualTo(Files.readAllBytes(first.resolve(p)));
      }
    }
    assertThat(Files.readAllBytes(again.resolve("retraining-data.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("retraining-data.csv")));
  }

  @Test
  void dashboardsDifferOnlyInTheMeasuredLatencyAndThroughput() throws IOException {
    List<String> a = Files.readAllLines(DemoRuns.run("a").dir().resolve(DemoCommand.DASHBOARD_FILE));
    List<String> b = Files.readAllLines(DemoRuns.run("b").dir().resolve(DemoCommand.DASHBOARD_FILE));
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        assertThat(a.get(i)).as("line %d differs", i + 1).containsAnyOf("latency.p99.ms", "throughput.qps");
      }
    }
  }

  @Test
  void narratesEveryStageWithNumbersAndEndsWithTheDashboard() {
    DemoRuns.Result run = DemoRuns.run("a");
    assertThat(run.output())
        .contains("== 1/15. Scoping")
        .contains("validating a copy with 5 injected faults")
        .contains("largest class-share deviation")
        .containsPattern("items to re-label \\(vote entropy >= 0.9 bits, a near tie\\): \\d+")
        .contains("tracked run 'logistic-regression'")
        .contains("prioritization (accuracy vs assumed HLP")
        .contains("wrote breast_cancer_logreg.onnx")
        .contains("candidate v2-large-tumours-benign: ROLLED_BACK at step 0")
        .contains("candidate v2-reexport: PROMOTED")
        .contains("worst_area +1.5 sd from window 10")
        .contains("retraining STARTED")
        .containsPattern("retraining data: \\d+ labeled rows -> retraining-data.csv")
        .contains("Dashboard: " + run.dir().resolve(DemoCommand.DASHBOARD_FILE).toUri());
    assertThat(run.dir().resolve(DemoCommand.DASHBOARD_FILE)).isRegularFile();
  }

  private static List<Path> jsonFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).map(root::relativize).sorted()
          .toList();
    }
  }
}
