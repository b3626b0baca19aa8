package dev.mlops.cli.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.drift.streaming.AdwinConfig;
import dev.mlops.core.drift.streaming.AdwinDetector;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamDriftCommandTest {
  @TempDir Path dir;
  private Path csv;
  private final double[] errors = new double[3000];
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** 3000 rows: error (0/1, rate 0.1 then 0.4 from row 1500) and a latency feature. */
  @BeforeEach
  void file() throws Exception {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder("latency,error\n");
    for (int i = 0; i < errors.length; i++) {
      errors[i] = r.nextDouble() < (i < 1500 ? 0.1 : 0.4) ? 1 : 0;
      sb.append(String.format(Locale.ROOT, "%.4f,%d%n", 20 + r.nextGaussian(), (int) errors[i]));
    }
    csv = dir.resolve("stream.csv");
    Files.writeString(csv, sb.toString());
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonHasTheContractFieldsAndTheDetectorsIndices() throws Exception {
    int code = run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "adwin", "--format", "json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("detector").asText()).isEqualTo("adwin");
    assertThat(root.get("column").asText()).isEqualTo("error");
    assertThat(root.get("count").asLong()).isEqualTo(3000);
    assertThat(root.get("warnings").isArray()).isTrue();

    List<Long> expected = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    AdwinDetector d = new AdwinDetector();
    for (double e : errors) {
      DriftSignal s = d.update(e);
      if (s.state() == DriftState.DRIFT) {
        expected.add(s.index());
        starts.add(s.changeStart().getAsLong());
      }
    }
    assertThat(expected).isNotEmpty();
    List<Long> indices = new ArrayList<>();
    List<Long> changeStarts = new ArrayList<>();
    root.get("drifts").forEach(n -> {
      indices.add(n.get("index").asLong());
      changeStarts.add(n.get("changeStart").asLong());
    });
    assertThat(indices).isEqualTo(expected);
    assertThat(changeStarts).isEqualTo(starts);
  }

  @Test
  void moaCompatibilityAndSettingsReachTheDetector() throws Exception {
    int code = run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "adwin", "--compat", "moa", "--set", "delta=0.05", "--format", "json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("settings").get("delta").asText()).isEqualTo("0.05");
    assertThat(root.get("settings").get("moa").asText()).isEqualTo("true");
    List<Long> expected = new ArrayList<>();
    AdwinDetector d = new AdwinDetector(AdwinConfig.builder().delta(0.05).moaCompatible(true)
        .direction(dev.mlops.core.drift.streaming.Direction.INCREASE).build());
    for (double e : errors) {
      if (d.add(e) == DriftState.DRIFT) {
        expected.add(d.count() - 1);
      }
    }
    List<Long> indices = new ArrayList<>();
    root.get("drifts").forEach(n -> indices.add(n.get("index").asLong()));
    assertThat(indices).isEqualTo(expected);
  }

  @Test
  void warningsAreTheEntriesIntoTheWarningZoneAndChangeStartMayBeNull() throws Exception {
    int code = run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "ddm", "--compat", "moa", "--format", "json");
    assertThat(code).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("warnings").size()).isPositive();
    assertThat(root.get("drifts").size()).isPositive();
    assertThat(root.get("drifts").get(0).get("changeStart").isNull()).isTrue();
    long previous = -2;
    for (JsonNode w : root.get("warnings")) {
      assertThat(w.asLong()).isGreaterThan(previous + 1);
      previous = w.asLong();
    }
  }

  @Test
  void textNamesTheDriftsAndExitsZero() {
    int code = run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "hddm-a");
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("hddm-a on column error: 3000 values, ")
        .contains("drift after index").contains("change began near");
  }

  @Test
  void aValueOutsideTheUnitIntervalIsExitTwoNamingLineAndValue() {
    int code = run("stream-drift", "--data", csv.toString(), "--column", "latency",
        "--detector", "ddm");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("line 2").contains("latency")
        .contains("value at index 0 is 2").contains("takes values in [0, 1]");
  }

  @Test
  void aMissingOrNonNumericValueIsExitTwoNamingTheLine() throws Exception {
    Path holes = dir.resolve("holes.csv");
    Files.writeString(holes, "x,y\n0.5,1\n,1\n0.7,1\n");
    assertThat(run("stream-drift", "--data", holes.toString(), "--column", "x",
        "--detector", "adwin")).isEqualTo(2);
    assertThat(err.toString()).contains("line 3").contains("missing value");
    Path word = dir.resolve("word.csv");
    Files.writeString(word, "x\n0.5\nabc\n");
    assertThat(run("stream-drift", "--data", word.toString(), "--column", "x",
        "--detector", "adwin")).isEqualTo(2);
    assertThat(err.toString()).contains("line 3").contains("abc");
  }

  @Test
  void unknownDetectorColumnOrSettingIsExitTwo() {
    assertThat(run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "adwn")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown detector 'adwn'");
    assertThat(run("stream-drift", "--data", csv.toString(), "--column", "nope",
        "--detector", "adwin")).isEqualTo(2);
    assertThat(err.toString()).contains("nope");
    assertThat(run("stream-drift", "--data", csv.toString(), "--column", "error",
        "--detector", "kswin", "--set", "windw=5")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown setting 'windw'");
  }
}
