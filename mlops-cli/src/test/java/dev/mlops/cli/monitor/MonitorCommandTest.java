package dev.mlops.cli.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.monitoring.ReferenceProfileJson;
import dev.mlops.core.monitoring.ReferenceProfiles;
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

class MonitorCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  private Path model;
  private Path reference;
  private Path traffic;

  /** 400 rows of a ~ N(0,1), b ~ N(0,1); rows from {@code shiftFrom} have a shifted by +2. */
  private static String rows(long seed, int n, int shiftFrom, boolean withLabel) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(withLabel ? "a,b,y\n" : "a,b\n");
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian() + (i >= shiftFrom ? 2 : 0);
      double b = r.nextGaussian();
      sb.append(String.format(Locale.ROOT, "%.6f,%.6f", a, b));
      if (withLabel) {
        sb.append(a - 2 * b > 0 ? ",yes" : ",no");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @BeforeEach
  void files() throws Exception {
    model = OnnxModels.logisticRegression(List.of("a", "b"), List.of("no", "yes"),
        new double[] {1.0, -2.0}, 0.0, ProbabilityOutput.ZIP_MAP).write(dir.resolve("m.onnx"));
    reference = Files.writeString(dir.resolve("ref.csv"), rows(1, 2000, Integer.MAX_VALUE, false));
    traffic = Files.writeString(dir.resolve("traffic.csv"), rows(2, 400, 300, true));
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonHasTheContractFieldsAndTheShiftRaisesADriftAlertInItsWindow() throws Exception {
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--reference", reference.toString(), "--label", "y", "--window", "100",
        "--format", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode windows = json.get("windows");
    assertThat(windows).hasSize(4);
    JsonNode w0 = windows.get(0);
    assertThat(w0.get("index").asLong()).isZero();
    assertThat(w0.get("start").asLong()).isZero();
    assertThat(w0.get("end").asLong()).isEqualTo(100);
    assertThat(w0.get("count").asLong()).isEqualTo(100);
    assertThat(w0.get("latencyP99Ms").isNumber()).isTrue();
    assertThat(w0.get("errors").asLong()).isZero();
    assertThat(w0.get("missing").get("a").asLong()).isZero();
    assertThat(w0.get("outOfSpec").has("b")).isTrue();
    assertThat(w0.get("classShare").get("yes").asDouble() + w0.get("classShare").get("no")
        .asDouble()).isEqualTo(1.0);
    assertThat(w0.get("drift").get("a").get("detector").asText()).isEqualTo("psi");
    assertThat(w0.get("drift").get("a").get("drifted").asBoolean()).isFalse();
    // the labels are the model's own decision rule: accuracy 1
    assertThat(w0.get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(windows.get(3).get("drift").get("a").get("drifted").asBoolean()).isTrue();
    assertThat(windows.get(3).get("drift").get("b").get("drifted").asBoolean()).isFalse();

    JsonNode alerts = json.get("alerts");
    assertThat(alerts).hasSize(1);
    JsonNode a = alerts.get(0);
    assertThat(a.get("window").asLong()).isEqualTo(3);
    assertThat(a.get("row").asLong()).isEqualTo(399);
    assertThat(a.get("rule").asText()).isEqualTo("drift");
    assertThat(a.get("metric").asText()).isEqualTo("drift.detected");
    assertThat(a.get("feature").asText()).isEqualTo("a");
    assertThat(a.get("value").asDouble()).isEqualTo(1.0);
    assertThat(a.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(a.get("reason").asText()).contains("window 3 (rows 300 to 399)");
  }

  @Test
  void aSavedProfileServesAsReferenceAndTextListsWindowsAndAlerts() throws Exception {
    Path profile = dir.resolve("profile.json");
    ReferenceProfileJson.write(ReferenceProfiles.of(CsvReader.defaults().read(reference)), profile);
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--reference", profile.toString(), "--window", "100")).isZero();
    assertThat(out.toString())
        .contains("window 0 rows 0-99: 100 predictions")
        .contains("0 of 2 features drifted")
        .contains("1 of 2 features drifted")
        .contains("1 alert")
        .contains("row 399, window 3, drift: drift.detected[a]");
  }

  @Test
  void withoutAReferenceThereIsNoDriftAndNoAlert() throws Exception {
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--format", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("windows")).hasSize(1);
    assertThat(json.get("windows").get(0).get("count").asLong()).isEqualTo(400);
    assertThat(json.get("windows").get(0).get("drift").size()).isZero();
    assertThat(json.get("windows").get(0).get("accuracy").isNull()).isTrue();
    assertThat(json.get("alerts")).isEmpty();
  }

  @Test
  void aWindowOfSizeZeroIsAnInputError() {
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--window", "0")).isEqualTo(2);
    assertThat(err.toString())
        .contains("mlops monitor: window size must be >= 1 prediction, was 0");
  }

  @Test
  void anUnknownLabelColumnIsAnInputError() {
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--label", "truth")).isEqualTo(2);
    assertThat(err.toString()).contains("--label: column 'truth' is not in")
        .contains("columns: [a, b, y]");
  }

  @Test
  void anUnreadableProfileIsAnInputError() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{not json");
    assertThat(run("monitor", "--model", model.toString(), "--traffic", traffic.toString(),
        "--reference", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.json").contains("malformed JSON");
  }
}
