package dev.mlops.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.experiments.ActiveRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunsCommandTest {
  @TempDir Path dir;
  String tree;
  String linear;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void store() {
    try (FileTracker t = FileTracker.open(FileTrackerConfig.builder(dir).gitDirectory(null).build())) {
      try (ActiveRun r = t.startRun("exp", "tree-run")) {
        tree = r.runId();
        r.logParam("model", "tree").logMetric("rmse", 0.5, 0).logMetric("rmse", 0.4, 1);
      }
      try (ActiveRun r = t.startRun("exp", "linear-run")) {
        linear = r.runId();
        r.logParam("model", "linear").logMetric("rmse", 0.9);
      }
    }
  }

  int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void listsWithFilterAndOrderAsJson() throws Exception {
    int code = run("runs", "list", "--store", dir.toString(), "--experiment", "exp",
        "--filter", "metrics.rmse < 1 and params.model != 'svm'", "--order-by", "metrics.rmse DESC", "--format", "json");
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("runs")).hasSize(2);
    assertThat(json.path("runs").path(0).path("run_id").asText()).isEqualTo(linear);
    assertThat(json.path("runs").path(1).path("metrics").path("rmse").path("value").asDouble()).isEqualTo(0.4);
    assertThat(json.path("runs").path(1).path("params").path("model").asText()).isEqualTo("tree");
  }

  @Test
  void listsAsText() {
    assertThat(run("runs", "list", "--store", dir.toString(), "--filter", "params.model LIKE 'tr%'")).isZero();
    assertThat(out.toString()).contains(tree).contains("tree-run").contains("rmse=0.400000").doesNotContain(linear)
        .contains("1 run(s)");
  }

  @Test
  void showsAndComparesRuns() {
    assertThat(run("runs", "show", "--store", dir.toString(), tree)).isZero();
    assertThat(out.toString()).contains("run " + tree + " (tree-run) in experiment exp: FINISHED").contains("rmse = 0.400000 (step 1)");
    out.getBuffer().setLength(0);
    assertThat(run("runs", "compare", "--store", dir.toString(), tree, linear, "--format", "json")).isZero();
    assertThat(out.toString()).contains("\"differing_params\"").contains("\"min\" : 0.4").contains("\"min_step\" : 1");
  }

  @Test
  void badInputIsExitCodeTwoWithOneLine() {
    assertThat(run("runs", "list", "--store", dir.toString(), "--filter", "metrics.rmse <")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid search expression at position 14: expected a number");
    assertThat(run("runs", "show", "--store", dir.toString(), "0123456789abcdef0123456789abcdef")).isEqualTo(2);
    assertThat(err.toString()).contains("run '0123456789abcdef0123456789abcdef' not found");
    assertThat(run("runs", "show", "--store", dir.toString(), "../x")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid run id '../x'");
    assertThat(run("runs", "list", "--store", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no experiment store at");
  }

  @Test
  void syncToAnUnreachableServerIsAnInputError() {
    assertThat(run("runs", "sync", "--store", dir.toString(), "--to", "ftp://x")).isEqualTo(2);
    assertThat(err.toString()).contains("trackingUri must be an http or https URL, was ftp://x");
  }
}
