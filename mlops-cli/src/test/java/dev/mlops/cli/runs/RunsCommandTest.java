package dev.mlops.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.experiments.ActiveRun;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

  int sync(Map<String, String> env, String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    SyncRunsCommand command = cl.getSubcommands().get("runs").getSubcommands().get("sync").getCommand();
    command.environment = env;
    return cl.execute(args);
  }

  @Test
  void syncTakesTheServerFromMlflowTrackingUriAndPrintsEachRetry() {
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:1", "MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2",
        "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0");
    assertThat(sync(env, "runs", "sync", "--store", dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("retry: GET /api/2.0/mlflow/experiments/get-by-name failed (java.net.ConnectException")
        .contains("attempt 1 of 3; next in 0.0 s").contains("attempt 2 of 3")
        .contains("cannot reach the MLflow server http://127.0.0.1:1 after 3 attempts");
    assertThat(sync(Map.of(), "runs", "sync", "--store", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no MLflow server: give --to URL or set MLFLOW_TRACKING_URI");
  }

  /** A server that knows no experiment, or only a deleted "exp"; it records the methods it got. */
  static HttpServer server(boolean expDeleted, List<String> methods) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", ex -> {
      try (ex) {
        methods.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        byte[] body = (expDeleted
            ? "{\"experiment\":{\"experiment_id\":\"7\",\"name\":\"exp\",\"lifecycle_stage\":\"deleted\"}}"
            : "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no such experiment\"}")
            .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(expDeleted ? 200 : 404, body.length);
        ex.getResponseBody().write(body);
      }
    });
    s.start();
    return s;
  }

  @Test
  void dryRunListsWhatWouldBeSentAndSendsNothing() throws IOException {
    List<String> methods = new CopyOnWriteArrayList<>();
    HttpServer s = server(false, methods);
    try {
      String url = "http://127.0.0.1:" + s.getAddress().getPort();
      assertThat(sync(Map.of(), "runs", "sync", "--store", dir.toString(), "--to", url, "--dry-run")).isZero();
      assertThat(out.toString()).contains("create " + tree + "  exp / tree-run  FINISHED  1 params, 2 points, 0 inputs")
          .contains("create " + linear).contains("2 to create, 0 to resume, 0 already there; 3 points; nothing was sent");
      assertThat(methods).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("GET "));
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aDeletedExperimentIsReportedWithTheFix() throws IOException {
    HttpServer s = server(true, new CopyOnWriteArrayList<>());
    try {
      String url = "http://127.0.0.1:" + s.getAddress().getPort();
      assertThat(sync(Map.of(), "runs", "sync", "--store", dir.toString(), "--to", url)).isEqualTo(2);
      assertThat(err.toString()).contains("experiment 'exp' (id 7) is deleted")
          .contains("mlflow experiments restore --experiment-id 7").contains("choose another experiment name");
    } finally {
      s.stop(0);
    }
  }
}
