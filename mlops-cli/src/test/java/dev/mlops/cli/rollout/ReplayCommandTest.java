package dev.mlops.cli.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  private Path primary;
  private Path twin;
  private Path shifted;
  private Path traffic;
  private Path plan;

  @BeforeEach
  void writeModelsTrafficAndPlan() throws Exception {
    List<String> features = List.of("a", "b");
    List<String> classes = List.of("no", "yes");
    primary = OnnxModels.logisticRegression(features, classes, new double[] {2.0, -1.0}, 0.0,
        ProbabilityOutput.ZIP_MAP).write(dir.resolve("primary.onnx"));
    twin = OnnxModels.logisticRegression(features, classes, new double[] {2.0, -1.0}, 0.0,
        ProbabilityOutput.ZIP_MAP).write(dir.resolve("twin.onnx"));
    // the decision boundary moved: wrong on the band 0 < 2a - b < 0.8
    shifted = OnnxModels.logisticRegression(features, classes, new double[] {2.0, -1.0}, -0.8,
        ProbabilityOutput.ZIP_MAP).write(dir.resolve("shifted.onnx"));
    StringBuilder csv = new StringBuilder("user,a,b,label\n");
    Random random = new Random(7);
    for (int i = 0; i < 8_000; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "u%d,%.4f,%.4f,%s%n", i, a, b, 2 * a - b > 0 ? "yes" : "no"));
    }
    traffic = Files.writeString(dir.resolve("traffic.csv"), csv);
    plan = Files.writeString(dir.resolve("plan.json"), "{\"steps\": [{\"shadow\": true, \"requests\": 500}, "
        + "{\"weight\": 0.05, \"requests\": 100}, {\"weight\": 0.5, \"requests\": 500}, {\"weight\": 1.0}], "
        + "\"gates\": [{\"metric\": \"shadow.agreement\", \"atLeast\": 0.97, \"minSamples\": 200}, "
        + "{\"metric\": \"error.rate\", \"atMost\": 0.01}, "
        + "{\"metric\": \"accuracy\", \"atLeastRelative\": -0.02, \"minSamples\": 50}], \"failureLimit\": 0}");
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private JsonNode replay(Path candidate) throws Exception {
    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", candidate.toString(),
        "--traffic", traffic.toString(), "--label", "label", "--key-column", "user", "--plan", plan.toString(),
        "--format", "json")).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void anEquivalentCandidateIsPromotedStepByStep() throws Exception {
    JsonNode json = replay(twin);
    assertThat(json.get("outcome").asText()).isEqualTo("PROMOTED");
    JsonNode steps = json.get("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).get("shadow").asBoolean()).isTrue();
    assertThat(steps.get(0).get("requests").asLong()).isEqualTo(500);
    assertThat(steps.get(1).get("weight").asDouble()).isEqualTo(0.05);
    JsonNode agreement = steps.get(0).get("gates").get(0);
    assertThat(agreement.get("metric").asText()).isEqualTo("shadow.agreement");
    assertThat(agreement.get("verdict").asText()).isEqualTo("PASS");
    assertThat(agreement.get("candidate").asDouble()).isEqualTo(1.0);
    assertThat(agreement.get("primary").isNull()).isTrue();
    assertThat(agreement.get("threshold").asDouble()).isEqualTo(0.97);
    assertThat(agreement.get("samples").asLong()).isEqualTo(500);
    JsonNode accuracy = steps.get(1).get("gates").get(1);
    assertThat(accuracy.get("metric").asText()).isEqualTo("accuracy");
    assertThat(accuracy.get("primary").isNumber()).isTrue();
    assertThat(json.get("events").get(0).get("kind").asText()).isEqualTo("STARTED");
    assertThat(json.get("events").get(json.get("events").size() - 1).get("kind").asText()).isEqualTo("PROMOTED");
  }

  @Test
  void aShiftedCandidateIsRolledBackInShadowWithTheReason() throws Exception {
    JsonNode json = replay(shifted);
    assertThat(json.get("outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(json.get("steps")).hasSize(1);
    JsonNode agreement = json.get("steps").get(0).get("gates").get(0);
    assertThat(agreement.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(agreement.get("candidate").asDouble()).isLessThan(0.97);
    JsonNode last = json.get("events").get(json.get("events").size() - 1);
    assertThat(last.get("kind").asText()).isEqualTo("ROLLED_BACK");
    assertThat(last.get("reason").asText()).contains("shadow.agreement");
  }

  @Test
  void trafficThatEndsBeforeTheWindowPausesAndTextNamesIt() throws Exception {
    Files.writeString(traffic, String.join("\n", Files.readAllLines(traffic).subList(0, 101)) + "\n");
    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", twin.toString(),
        "--traffic", traffic.toString(), "--plan", plan.toString())).isZero();
    assertThat(out.toString()).startsWith("outcome: PAUSED")
        .contains("step 0  shadow  100 requests")
        .contains("the traffic in traffic.csv ended after 100 rows");
  }

  @Test
  void badInputExitsTwoWithAClearMessage() throws Exception {
    Path unknown = Files.writeString(dir.resolve("u.json"),
        "{\"steps\": [{\"shadow\": true, \"requests\": 5}], \"gates\": [{\"metric\": \"gpu.temp\", \"atMost\": 1}]}");
    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", twin.toString(),
        "--traffic", traffic.toString(), "--plan", unknown.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("u.json: gate on unknown metric 'gpu.temp'");

    Path heavy = Files.writeString(dir.resolve("w.json"), "{\"steps\": [{\"weight\": 2}]}");
    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", twin.toString(),
        "--traffic", traffic.toString(), "--plan", heavy.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("steps[0].weight must be a fraction in [0, 1]");

    Path empty = Files.writeString(dir.resolve("e.json"), "{\"steps\": []}");
    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", twin.toString(),
        "--traffic", traffic.toString(), "--plan", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("\"steps\" must be a non-empty array");

    assertThat(run("rollout", "replay", "--primary", primary.toString(), "--candidate", twin.toString(),
        "--traffic", traffic.toString(), "--plan", plan.toString(), "--label", "truth")).isEqualTo(2);
    assertThat(err.toString()).contains("has no column 'truth' for --label");
  }
}
