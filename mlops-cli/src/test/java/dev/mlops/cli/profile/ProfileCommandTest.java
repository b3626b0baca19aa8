package dev.mlops.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.profile.ProfileCodec;
import dev.mlops.profile.CategoricalProfile;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.NumericProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** rows of x (normal + shift) and color (a/b, c in the shifted file). */
  private Path csv(String name, long seed, int rows, double shift) throws Exception {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("x,color\n");
    for (int i = 0; i < rows; i++) {
      String color = shift > 0 && i % 10 == 0 ? "c" : i % 2 == 0 ? "a" : "b";
      sb.append(String.format(Locale.ROOT, "%.6f,%s%n", r.nextGaussian() + shift, color));
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void profilesACsvFileIntoAJsonProfile() throws Exception {
    Path data = csv("d.csv", 1, 500, 0);
    Path p = dir.resolve("p.json");
    assertThat(run("profile", "--data", data.toString(), "--out", p.toString())).isZero();
    assertThat(out.toString()).contains("(500 rows, 2 columns) written to " + p);
    JsonNode root = new ObjectMapper().readTree(p.toFile());
    assertThat(root.get("format").asText()).isEqualTo("mlops-profile");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    DatasetProfile profile = ProfileCodec.read(p);
    assertThat(((NumericProfile) profile.find("x").orElseThrow()).count()).isEqualTo(500);
    assertThat(((CategoricalProfile) profile.find("color").orElseThrow()).frequentItems())
        .hasSize(2);
  }

  @Test
  void mergesProfilesIntoTheProfileOfAllRows() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.bin");
    Path m = dir.resolve("m.json");
    assertThat(run("profile", "--data", csv("a.csv", 1, 300, 0).toString(), "--out", a.toString()))
        .isZero();
    assertThat(run("profile", "--data", csv("b.csv", 2, 200, 0).toString(), "--out", b.toString(),
        "--format", "binary")).isZero();
    assertThat(run("profile", "merge", a.toString(), b.toString(), "--out", m.toString())).isZero();
    DatasetProfile merged = ProfileCodec.read(m);
    assertThat(merged.rowCount()).isEqualTo(500);
    assertThat(merged.find("color").orElseThrow().count()).isEqualTo(500);
  }

  @Test
  void driftAcceptsProfilesOnEitherSide() throws Exception {
    Path ref = csv("ref.csv", 1, 400, 0);
    Path cur = csv("cur.csv", 2, 400, 1.0);
    Path refProfile = dir.resolve("ref.json");
    assertThat(run("profile", "--data", ref.toString(), "--out", refProfile.toString())).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("drift", "--reference", refProfile.toString(), "--current", cur.toString(),
        "--format", "json")).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("datasetDrift").asBoolean()).isTrue();
    assertThat(root.get("columns").get(0).get("test").asText()).isEqualTo("ks");
    assertThat(root.get("columns").get(0).get("drifted").asBoolean()).isTrue();
    assertThat(root.get("columns").get(1).get("newCategories").get(0).asText()).isEqualTo("c");
    assertThat(root.get("bounds").get(0).get("column").asText()).isEqualTo("x");
    assertThat(root.get("bounds").get(0).has("lower")).isTrue();

    Path curProfile = dir.resolve("cur.bin");
    assertThat(run("profile", "--data", cur.toString(), "--out", curProfile.toString(),
        "--format", "binary")).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("drift", "--reference", ref.toString(), "--current", curProfile.toString()))
        .isZero();
    assertThat(out.toString()).contains("x");
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    Path notProfile = dir.resolve("n.json");
    Files.writeString(notProfile, "{\"hello\": 1}");
    assertThat(run("profile", "merge", notProfile.toString(), "--out", dir.resolve("m.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("mlops profile merge: " + notProfile
        + ": not a profile: expected a JSON object with \"format\": \"mlops-profile\""
        + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(run("profile")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--data=F.csv'");
    err.getBuffer().setLength(0);
    Path p = dir.resolve("p.json");
    assertThat(run("profile", "--data", csv("d.csv", 1, 50, 0).toString(), "--out", p.toString()))
        .isZero();
    assertThat(run("drift", "--reference", p.toString(), "--current", p.toString(), "--format",
        "html")).isEqualTo(2);
    assertThat(err.toString()).contains("--format html draws the raw values and needs two CSV files");
  }
}
