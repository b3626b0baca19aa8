package dev.mlops.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftCommandTest {
  @TempDir Path dir;
  private Path ref;
  private Path cur;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws Exception {
    ref = dir.resolve("ref.csv");
    cur = dir.resolve("cur.csv");
    Files.writeString(ref, csv(1, 0.0, false));
    Files.writeString(cur, csv(2, 1.0, true));
  }

  /** 300 rows: x normal (shifted in current), y stable, color a/b (new category c in current). */
  private static String csv(long seed, double shift, boolean newCategory) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("x,y,color\n");
    for (int i = 0; i < 300; i++) {
      String color = newCategory && i % 10 == 0 ? "c" : i % 2 == 0 ? "a" : "b";
      String y = i % 20 == 0 && newCategory ? "" : String.format(Locale.ROOT, "%.6f", r.nextGaussian());
      sb.append(String.format(Locale.ROOT, "%.6f,%s,%s%n", r.nextGaussian() + shift, y, color));
    }
    return sb.toString();
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonReportWithTheContractShapeAndExitZeroOnDrift() throws Exception {
    int code = run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--format", "json");
    assertThat(code).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("datasetDrift").asBoolean()).isTrue();
    assertThat(root.get("driftShare").asDouble()).isEqualTo(0.5);
    assertThat(root.get("columnsTested").asInt()).isEqualTo(3);
    assertThat(root.get("correction").asText()).isEqualTo("none");
    JsonNode x = root.get("columns").get(0);
    assertThat(x.get("name").asText()).isEqualTo("x");
    assertThat(x.get("test").asText()).isEqualTo("ks");
    assertThat(x.get("drifted").asBoolean()).isTrue();
    JsonNode y = root.get("columns").get(1);
    assertThat(y.get("currentMissingRate").asDouble()).isEqualTo(15.0 / 300);
    JsonNode color = root.get("columns").get(2);
    assertThat(color.get("test").asText()).isEqualTo("chisquare");
    assertThat(color.get("newCategories").get(0).asText()).isEqualTo("c");
  }

  @Test
  void optionsReachTheDetector() throws Exception {
    int code = run("drift", "--reference", ref.toString(), "--current", cur.toString(),
        "--columns", "x,y", "--test", "mannwhitney", "--column-test", "y=psi", "--threshold", "0.01",
        "--column-threshold", "y=0.5",
        "--correction", "bh", "--drift-share", "0.9", "--format", "json");
    assertThat(code).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("correction").asText()).isEqualTo("bh");
    assertThat(root.get("datasetDrift").asBoolean()).isFalse(); // 1 of 2 < 0.9
    assertThat(root.get("columns")).hasSize(2);
    assertThat(root.get("columns").get(0).get("test").asText()).isEqualTo("mannwhitney");
    assertThat(root.get("columns").get(0).get("threshold").asDouble()).isEqualTo(0.01);
    assertThat(root.get("columns").get(0).get("adjustedPValue").isNull()).isFalse();
    assertThat(root.get("columns").get(1).get("test").asText()).isEqualTo("psi");
    assertThat(root.get("columns").get(1).get("pValue").isNull()).isTrue();
    assertThat(root.get("columns").get(1).get("threshold").asDouble()).isEqualTo(0.5);
  }

  @Test
  void textByDefaultAndHtmlToAFile() throws Exception {
    assertThat(run("drift", "--reference", ref.toString(), "--current", cur.toString())).isZero();
    assertThat(out.toString()).startsWith("Dataset drift: ");
    Path html = dir.resolve("report.html");
    assertThat(run("drift", "--reference", ref.toString(), "--current", cur.toString(),
        "--format", "html", "--out", html.toString())).isZero();
    assertThat(out.toString()).contains("html report written to " + html);
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("http");
  }

  @Test
  void badInputExitsTwoWithTheReason() throws Exception {
    assertThat(run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--test", "kss"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown drift test 'kss'; known: ks,");
    assertThat(run("drift", "--reference", dir.resolve("none.csv").toString(), "--current", cur.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("none.csv");
    assertThat(run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--columns", "nope"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("column 'nope' is in neither file");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "x,y,color\n1.0,2.0,a\nabc,1.0,b\n");
    assertThat(run("drift", "--reference", ref.toString(), "--current", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv").contains("abc");
    assertThat(run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--drift-share", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("driftShare must be in (0, 1], was 0.0");
  }
}
