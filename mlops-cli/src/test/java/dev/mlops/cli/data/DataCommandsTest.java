package dev.mlops.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.SpecJson;
import dev.mlops.data.DatasetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandsTest {
  @TempDir Path dir;
  private Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void copyBundledData() throws IOException {
    data = dir.resolve("bc.csv");
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv")) {
      Files.copy(in, data);
    }
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** Rewrites cells of the data file: each edit is {row (0-based data row), column, value}. */
  private Path withEdits(String[]... edits) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    List<String> header = List.of(lines.get(0).split(","));
    for (String[] e : edits) {
      int line = Integer.parseInt(e[0]) + 1;
      String[] cells = lines.get(line).split(",", -1);
      cells[header.indexOf(e[1])] = e[2];
      lines.set(line, String.join(",", cells));
    }
    Path file = dir.resolve("edited.csv");
    Files.write(file, lines);
    return file;
  }

  private Path inferSpec() {
    Path spec = dir.resolve("spec.json");
    assertThat(run("infer-spec", "--data", data.toString(), "--label", "diagnosis",
        "--id-column", "id", "--out", spec.toString())).isZero();
    return spec;
  }

  @Test
  void inferSpecPrintsReadableJsonToStdout() {
    assertThat(run("infer-spec", "--data", data.toString(), "--label", "diagnosis")).isZero();
    DatasetSpec spec = SpecJson.read(out.toString(), "stdout");
    assertThat(spec.features()).hasSize(32);
    assertThat(spec.labelClasses()).containsExactly("benign", "malignant");
  }

  @Test
  void validDataExitsZero() {
    Path spec = inferSpec();
    assertThat(run("validate", "--spec", spec.toString(), "--data", data.toString())).isZero();
    assertThat(out.toString()).contains("valid (569 rows, 18,208 cells checked)");
  }

  @Test
  void injectedFaultsExitOneNamingTheirRows() throws IOException {
    Path spec = inferSpec();
    Path bad = withEdits(new String[] {"3", "mean_radius", "99.5"},
        new String[] {"7", "diagnosis", "unknown"}, new String[] {"9", "mean_texture", ""},
        new String[] {"14", "id", "3"}, new String[] {"20", "mean_area", "n/a"});
    assertThat(run("validate", "--spec", spec.toString(), "--data", bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("5 violations")
        .contains("OUT_OF_RANGE").contains("row 3=99.5")
        .contains("UNKNOWN_LABEL").contains("row 7=unknown")
        .contains("NAN_NOT_ALLOWED").contains("row 9=")
        .contains("DUPLICATE_VALUE").contains("row 14=3")
        .contains("WRONG_TYPE").contains("row 20=n/a");
  }

  @Test
  void jsonFormatListsViolationsWithTheirFields() throws IOException {
    Path spec = inferSpec();
    Path bad = withEdits(new String[] {"5", "mean_radius", "-1"});
    assertThat(run("validate", "--spec", spec.toString(), "--data", bad.toString(),
        "--format", "json")).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.get("valid").asBoolean()).isFalse();
    JsonNode v = root.get("violations").get(0);
    assertThat(v.get("feature").asText()).isEqualTo("mean_radius");
    assertThat(v.get("kind").asText()).isEqualTo("OUT_OF_RANGE");
    assertThat(v.get("count").asLong()).isEqualTo(1);
    assertThat(v.get("exampleRows").get(0).asLong()).isEqualTo(5);
    assertThat(v.get("expected").asText()).isEqualTo("in [6.981, 28.11]");
  }

  @Test
  void raggedCsvIsAnInputErrorNamingTheLine() throws IOException {
    Path spec = inferSpec();
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    lines.set(4, "1,2,3");
    Path ragged = dir.resolve("ragged.csv");
    Files.write(ragged, lines);
    assertThat(run("validate", "--spec", spec.toString(), "--data", ragged.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("ragged.csv").contains("line 5");
  }

  @Test
  void newerSpecVersionIsAnInputError() throws IOException {
    Path spec = inferSpec();
    Files.writeString(spec, Files.readString(spec).replace("\"formatVersion\" : 1",
        "\"formatVersion\" : 7"), StandardCharsets.UTF_8);
    assertThat(run("validate", "--spec", spec.toString(), "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("format version 7 is newer");
  }

  @Test
  void unknownFormatIsAUsageError() {
    Path spec = inferSpec();
    assertThat(run("validate", "--spec", spec.toString(), "--data", data.toString(),
        "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("xml");
  }

  @Test
  void stratifiedSplitWritesThreeFilesAndTheBalanceReport() throws IOException {
    Path outDir = dir.resolve("split");
    assertThat(run("split", "--data", data.toString(), "--label", "diagnosis", "--seed", "7",
        "--out", outDir.toString())).isZero();
    int total = 0;
    for (String part : List.of("train", "dev", "test")) {
      total += CsvReader.defaults().read(outDir.resolve(part + ".csv")).rowCount();
    }
    assertThat(total).isEqualTo(569);
    assertThat(CsvReader.defaults().read(outDir.resolve("test.csv")).rowCount()).isEqualTo(57);
    JsonNode balance = new ObjectMapper().readTree(outDir.resolve("balance.json").toFile());
    assertThat(balance.get("largestDeviation").asDouble()).isLessThan(0.01);
    assertThat(out.toString()).contains("warning: small data: 569 rows");
  }

  @Test
  void hashSplitIsReproducible() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run("split", "--data", data.toString(), "--label", "diagnosis", "--hash-column",
        "id", "--out", a.toString())).isZero();
    assertThat(run("split", "--data", data.toString(), "--label", "diagnosis", "--hash-column",
        "id", "--out", b.toString())).isZero();
    assertThat(Files.readString(a.resolve("test.csv"))).isEqualTo(
        Files.readString(b.resolve("test.csv")));
  }

  @Test
  void splitNeedsExactlyOneMethod() {
    assertThat(run("split", "--data", data.toString(), "--label", "diagnosis", "--out",
        dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--seed").contains("--hash-column");
    assertThat(run("split", "--data", data.toString(), "--label", "diagnosis", "--seed", "1",
        "--hash-column", "id", "--out", dir.toString())).isEqualTo(2);
  }

  @Test
  void absentLabelColumnIsAnInputError() {
    assertThat(run("split", "--data", data.toString(), "--label", "diag", "--seed", "1",
        "--out", dir.resolve("s").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no column 'diag'");
  }

  /** Rows of the named ids, with the given zip and score text, plus a label. */
  private Path idsFile() throws IOException {
    StringBuilder csv = new StringBuilder("id,zip,score,label\n");
    String[] ids = {"9007199254740992", "9007199254740993", "12345678901234567890", "7", "8",
        "9", "10", "11", "12", "13"};
    for (int i = 0; i < ids.length; i++) {
      csv.append(ids[i]).append(',').append(i % 2 == 0 ? "00501" : "02134").append(',')
          .append(i % 3 == 0 ? "1.50" : "2e3").append(',').append(i % 2).append('\n');
    }
    Path file = dir.resolve("ids.csv");
    Files.writeString(file, csv.toString());
    return file;
  }

  /** Issue 12 item 1: split writes every cell's original text, byte for byte. */
  @Test
  void splitKeepsEachCellsOriginalText() throws IOException {
    Path input = idsFile();
    for (String[] method : List.of(new String[] {"--seed", "3"},
        new String[] {"--hash-column", "id"})) {
      Path outDir = dir.resolve("split" + method[0]);
      assertThat(run("split", "--data", input.toString(), "--label", "label", method[0], method[1],
          "--train", "0.5", "--dev", "0.25", "--test", "0.25", "--out", outDir.toString()))
          .as(err.toString()).isZero();
      List<String> written = new ArrayList<>();
      for (String part : List.of("train", "dev", "test")) {
        List<String> lines = Files.readAllLines(outDir.resolve(part + ".csv"));
        assertThat(lines.get(0)).isEqualTo("id,zip,score,label");
        written.addAll(lines.subList(1, lines.size()));
      }
      List<String> original = Files.readAllLines(input);
      assertThat(written).containsExactlyInAnyOrderElementsOf(original.subList(1, original.size()));
    }
    // The hash is of the id as written: 9007199254740993's part is its own text's part.
    assertThat(Files.readString(dir.resolve("split--hash-column").resolve(
        dev.mlops.core.data.DatasetSplitter.partOf("9007199254740993",
            new dev.mlops.data.SplitFractions(0.5, 0.25, 0.25)).label() + ".csv")))
        .contains("9007199254740993,");
  }

  /** Issue 12 item 2: distinct ids beyond 2^53 are not duplicates. */
  @Test
  void validateKeepsIdsBeyondTwoToThe53Distinct() throws IOException {
    Path input = idsFile();
    Path spec = dir.resolve("ids-spec.json");
    assertThat(run("infer-spec", "--data", input.toString(), "--id-column", "id", "--label",
        "label", "--out", spec.toString())).isZero();
    assertThat(SpecJson.read(spec).feature("id").orElseThrow().unique()).isTrue();
    assertThat(run("validate", "--spec", spec.toString(), "--data", input.toString()))
        .as(out.toString()).isZero();
  }

  /** Issue 12 item 3: a CATEGORICAL feature is read as text, so 00501 is 00501. */
  @Test
  void validateReadsCategoricalColumnsAsTheSpecDeclares() throws IOException {
    Path spec = dir.resolve("zip-spec.json");
    Files.writeString(spec, """
        { "formatVersion" : 1, "minRows" : 1, "maxRows" : 9223372036854775807,
          "labelColumn" : null, "labelClasses" : [ ], "idColumn" : null,
          "features" : [ { "name" : "zip", "type" : "CATEGORICAL", "minPresence" : 1.0,
            "unique" : false, "range" : null, "length" : null,
            "domain" : { "values" : [ "00501", "02134", "10001" ], "minShareInDomain" : 1.0 } } ] }
        """);
    Path zips = dir.resolve("zips.csv");
    Files.writeString(zips, "zip\n00501\n02134\n10001\n");
    assertThat(run("validate", "--spec", spec.toString(), "--data", zips.toString()))
        .as(out.toString() + err).isZero();
  }

  /** Issue 12 item 6: --na-values, and a warning naming a column a stray token downgraded. */
  @Test
  void naValuesAndDowngradeWarnings() throws IOException {
    Path input = withEdits(new String[] {"3", "mean_radius", "n/a"});
    assertThat(run("infer-spec", "--data", input.toString())).isZero();
    assertThat(err.toString()).contains("warning: column 'mean_radius' is read as CATEGORICAL",
        "'n/a'");
    assertThat(SpecJson.read(out.toString(), "stdout").feature("mean_radius").orElseThrow().type())
        .isEqualTo(dev.mlops.data.FeatureType.TEXT);
    assertThat(run("infer-spec", "--data", input.toString(), "--na-values", "n/a,NULL")).isZero();
    assertThat(err.toString()).isEmpty();
    DatasetSpec fixed = SpecJson.read(out.toString(), "stdout");
    assertThat(fixed.feature("mean_radius").orElseThrow().type())
        .isEqualTo(dev.mlops.data.FeatureType.NUMERIC);
    assertThat(fixed.feature("mean_radius").orElseThrow().required()).isFalse();
  }
}
