package dev.mlops.cli.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedbackCommandsTest {
  @TempDir Path dir;
  Path log;
  Path labels;
  Path reference;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** 400 predictions of a calibrated model; labels for the first 300 (and one unknown id). */
  @BeforeEach
  void files() throws Exception {
    log = dir.resolve("log");
    Random random = new Random(1);
    StringBuilder l = new StringBuilder("request_id,label\n");
    Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
    try (PredictionLogger logger = PredictionLogger.builder(PredictionLogConfig.defaults(log)).build()) {
      for (int i = 0; i < 400; i++) {
        double p = random.nextDouble();
        String id = "r" + i;
        Map<String, Double> probs = new LinkedHashMap<>();
        probs.put("no", 1 - p);
        probs.put("yes", p);
        PredictionRequest request = PredictionRequest.builder(Record.of(Map.of("x", p * 3)))
            .requestId(id).receivedAt(t0.plusSeconds(i)).build();
        logger.log(new PredictionOutcome.Success(request, "m", "1", Arm.PRIMARY, Duration.ofNanos(1000),
            Prediction.classification(p >= 0.5 ? "yes" : "no", probs, "1", Duration.ZERO)));
        if (i < 300) {
          l.append(id).append(',').append(random.nextDouble() < p ? "yes" : "no").append('\n');
        }
      }
    }
    l.append("ghost,yes\n");
    labels = dir.resolve("labels.csv");
    Files.writeString(labels, l.toString());
    StringBuilder ref = new StringBuilder("probability_yes,label\n");
    for (int i = 0; i < 2000; i++) {
      double p = random.nextDouble();
      ref.append(String.format(Locale.ROOT, "%.6f,%s%n", p, random.nextDouble() < p ? "yes" : "no"));
    }
    reference = dir.resolve("ref.csv");
    Files.writeString(reference, ref.toString());
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void statsCountsRecordsVersionsArmsAndSkippedLines() throws Exception {
    Path file;
    try (var files = Files.list(log)) {
      file = files.findFirst().orElseThrow();
    }
    Files.write(file, "00000000 {\"torn\"".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    assertThat(run("log", "stats", "--log", log.toString(), "--format", "json")).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("records").asLong()).isEqualTo(400);
    assertThat(root.get("from").asText()).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(root.get("to").asText()).isEqualTo("2026-12-01T09:06:39Z");
    assertThat(root.get("versions").get("m:1").asLong()).isEqualTo(400);
    assertThat(root.get("arms").get("primary").asLong()).isEqualTo(400);
    assertThat(root.get("skipped")).hasSize(1);
    assertThat(root.get("skipped").get(0).get("file").asText()).isEqualTo(file.toString());
    assertThat(root.get("skipped").get(0).get("line").asLong()).isEqualTo(401);
  }

  @Test
  void exportWritesTheLabeledRowsAndCountsOnStderr() throws Exception {
    Path csv = dir.resolve("out.csv");
    assertThat(run("log", "export", "--log", log.toString(), "--labels", labels.toString(), "--out", csv.toString())).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(301);
    assertThat(lines.get(0)).startsWith("request_id,received_at,model,model_version,arm,x,prediction_label")
        .endsWith(",label");
    assertThat(err.toString()).contains("unmatched labels: 1").contains("unlabeled predictions: 100");
  }

  @Test
  void performanceJsonHasTheContractShape() throws Exception {
    assertThat(run("performance", "--log", log.toString(), "--labels", labels.toString(),
        "--reference", reference.toString(), "--window", "100", "--format", "json")).isZero();
    JsonNode windows = new ObjectMapper().readTree(out.toString()).get("windows");
    assertThat(windows).hasSize(4);
    for (int k = 0; k < 4; k++) {
      JsonNode w = windows.get(k);
      assertThat(w.get("index").asInt()).isEqualTo(k);
      assertThat(w.get("count").asInt()).isEqualTo(100);
      JsonNode est = w.get("estimated");
      assertThat(est.get("accuracy").asDouble()).isBetween(est.get("lower").asDouble(), est.get("upper").asDouble());
      assertThat(est.has("precision")).isTrue();
      assertThat(est.has("roc.auc")).isTrue();
    }
    assertThat(windows.get(0).get("labeled").asInt()).isEqualTo(100);
    assertThat(windows.get(0).get("realized").get("accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(windows.get(3).get("labeled").asInt()).isZero();
    assertThat(windows.get(3).get("realized").isNull()).isTrue();
  }

  @Test
  void predictWritesThePredictionLogWithSensitiveFieldsHashed() throws Exception {
    Path model = OnnxModels.logisticRegression(List.of("a", "b"), List.of("no", "yes"),
        new double[] {1.0, -2.0}, 0.5, ProbabilityOutput.ZIP_MAP).write(dir.resolve("m.onnx"));
    Path data = Files.writeString(dir.resolve("rows.csv"), "id,a,b\nq1,1.0,0.0\nq2,0.0,1.0\nq3,2.0,2.0\n");
    Path key = Files.writeString(dir.resolve("key"), "a-host-secret-of-some-length");
    Path predLog = dir.resolve("predict-log");
    assertThat(run("predict", "--model", model.toString(), "--data", data.toString(),
        "--out", dir.resolve("scored.csv").toString(), "--log", predLog.toString(),
        "--request-id-column", "id", "--sensitive", "b", "--hmac-key-file", key.toString())).isZero();
    assertThat(out.toString()).contains("logged 3 predictions to " + predLog + " (0 dropped)");
    var records = dev.mlops.core.feedback.PredictionLogReader.of(predLog).readAll().records();
    assertThat(records).extracting(r -> r.requestId()).containsExactly("q1", "q2", "q3");
    assertThat(records.get(0).inputs().get("a")).isEqualTo(1.0);
    assertThat((String) records.get(0).inputs().get("b")).startsWith("hmac-sha256:");
    assertThat(records.get(0).label()).contains("yes");
    assertThat(records.get(0).probabilities()).containsKeys("no", "yes");
    assertThat(run("predict", "--model", model.toString(), "--data", data.toString(),
        "--out", dir.resolve("s2.csv").toString(), "--sensitive", "b")).isEqualTo(2);
    assertThat(err.toString()).contains("need --log DIR");
  }

  @Test
  void monitorWritesThePredictionLogOfItsReplay() throws Exception {
    Path model = OnnxModels.logisticRegression(List.of("a", "b"), List.of("no", "yes"),
        new double[] {1.0, -2.0}, 0.0, ProbabilityOutput.ZIP_MAP).write(dir.resolve("m.onnx"));
    Path traffic = Files.writeString(dir.resolve("traffic.csv"), "id,a,b\nt1,1.0,0.0\nt2,0.0,1.0\n");
    Path monitorLog = dir.resolve("monitor-log");
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--window", "2", "--format", "json", "--log", monitorLog.toString(), "--request-id-column", "id",
        "--sensitive", "a")).isZero();
    new ObjectMapper().readTree(out.toString()); // stdout is still only the JSON document
    assertThat(err.toString()).contains("logged 2 predictions to " + monitorLog);
    var records = dev.mlops.core.feedback.PredictionLogReader.of(monitorLog).readAll().records();
    assertThat(records).extracting(r -> r.requestId()).containsExactly("t1", "t2");
    assertThat(records.get(0).inputs()).doesNotContainKey("a").containsKey("b");
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    assertThat(run("performance", "--log", dir.resolve("absent").toString(),
        "--reference", reference.toString(), "--window", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("no prediction log folder here");
    assertThat(run("performance", "--log", log.toString(), "--reference", labels.toString(), "--window", "10"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no column 'probability_yes'");
  }
}
