package dev.mlops.cli.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabelsCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Path csv(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** The sklearn Cohen example: confusion [[20, 20], [10, 50]] between raters A and B. */
  private Path sklearnPair() throws IOException {
    List<String> lines = new ArrayList<>(List.of("doc,rater,y"));
    for (int i = 0; i < 100; i++) {
      lines.add("d" + i + ",A," + (i < 40 ? "neg" : "pos"));
      lines.add("d" + i + ",B," + (i < 20 ? "neg" : i < 40 ? "pos" : i < 50 ? "neg" : "pos"));
    }
    Path file = dir.resolve("pair.csv");
    Files.write(file, lines);
    return file;
  }

  @Test
  void jsonHasTheContractFieldsAndGoldenKappa() throws IOException {
    int code = run("labels", "--annotations", sklearnPair().toString(), "--level", "nominal",
        "--item-column", "doc", "--annotator-column", "rater", "--label-column", "y",
        "--format", "json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.fieldNames()).toIterable().contains("items", "annotators", "ratings",
        "percentAgreement", "krippendorffAlpha", "fleissKappa", "cohenKappa", "pairwise",
        "annotatorStats", "hlp", "disagreements");
    assertThat(json.get("items").asInt()).isEqualTo(100);
    assertThat(json.get("annotators").asInt()).isEqualTo(2);
    assertThat(json.get("ratings").asInt()).isEqualTo(200);
    assertThat(json.get("percentAgreement").asDouble()).isEqualTo(0.7);
    // sklearn test_classification.py: 8/23.
    assertThat(json.get("cohenKappa").asDouble()).isCloseTo(8.0 / 23, within(1e-12));
    JsonNode pair = json.get("pairwise").get(0);
    assertThat(pair.get("annotators").toString()).isEqualTo("[\"A\",\"B\"]");
    assertThat(pair.get("itemsInCommon").asInt()).isEqualTo(100);
    assertThat(pair.get("kappa").get("unweighted").asDouble()).isCloseTo(8.0 / 23, within(1e-12));
    assertThat(pair.get("kappa").get("linear").isNull()).isTrue();
    assertThat(json.get("annotatorStats").get(0).get("leaveOneOutAccuracy").asDouble())
        .isEqualTo(0.7);
    JsonNode hlp = json.get("hlp");
    assertThat(hlp.get("estimate").asDouble()).isEqualTo(0.7);
    assertThat(hlp.get("ciLow").asDouble()).isLessThan(0.7);
    assertThat(hlp.get("ciHigh").asDouble()).isGreaterThan(0.7);
    assertThat(json.get("disagreements")).hasSize(20);
    assertThat(json.get("undefinedReasons").get("fleissKappa")).isNull();
  }

  @Test
  void fleissIsNullWithReasonAndCohenNullForThreeAnnotators() throws IOException {
    Path file = csv("three.csv", "item,annotator,label\nx,a,1\nx,b,1\nx,c,2\ny,a,2\ny,b,2\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "ordinal",
        "--format", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("fleissKappa").isNull()).isTrue();
    assertThat(json.get("cohenKappa").isNull()).isTrue();
    assertThat(json.get("undefinedReasons").get("fleissKappa").asText())
        .contains("between 2 and 3 ratings");
    assertThat(json.get("pairwise")).hasSize(3);
  }

  @Test
  void textReportAndConsensusFile() throws IOException {
    Path consensus = dir.resolve("consensus.csv");
    assertThat(run("labels", "--annotations", sklearnPair().toString(), "--level", "NOMINAL",
        "--item-column", "doc", "--annotator-column", "rater", "--label-column", "y",
        "--consensus-out", consensus.toString(), "--top", "2")).isZero();
    assertThat(out.toString())
        .contains("100 items, 2 annotators, 200 ratings (level nominal)")
        // Fleiss by hand: (0.7 - 0.545) / 0.455; alpha from the krippendorff package's formula.
        .contains("Krippendorff's alpha  0.3440")
        .contains("Cohen's kappa         0.3478")
        .contains("Fleiss' kappa         0.3407")
        .contains("human-level perf.     0.7000  (95% CI");
    assertThat(Files.readAllLines(consensus)).hasSize(101)
        .startsWith("item,majority,support,tied,weighted");
  }

  @Test
  void identicalLabelsGiveUndefinedAlphaNotOne() throws IOException {
    Path file = csv("same.csv", "item,annotator,label\nx,a,ok\nx,b,ok\ny,a,ok\ny,b,ok\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "nominal")).isZero();
    assertThat(out.toString()).contains("Krippendorff's alpha  undefined (every pairable rating"
        + " has the same label ('ok'), so the expected disagreement is zero)");
  }

  @Test
  void oneAnnotatorAndItemsRatedOnceAreReportedAsNotes() throws IOException {
    Path file = csv("solo.csv", "item,annotator,label\nx,a,1\ny,a,2\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "nominal")).isZero();
    assertThat(out.toString()).contains("note: only one annotator ('a')")
        .contains("note: 2 of 2 items have a single rating");
  }

  @Test
  void nonNumericIntervalLabelIsExitTwoNamingTheRow() throws IOException {
    Path file = csv("bad.csv", "item,annotator,label\nx,a,1\nx,b,two\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "interval"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("mlops labels: annotations[1] (item 'x', annotator 'b')"
        + " has label 'two', which is not a finite number as the INTERVAL level requires");
  }

  @Test
  void duplicateRowIsExitTwo() throws IOException {
    Path file = csv("dup.csv", "item,annotator,label\nx,a,1\nx,a,1\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "nominal"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("duplicate annotation: annotator 'a' labeled item 'x'"
        + " twice");
  }

  @Test
  void missingColumnFileAndLevelAreExitTwo() throws IOException {
    Path file = csv("cols.csv", "id,who,label\nx,a,1\n");
    assertThat(run("labels", "--annotations", file.toString(), "--level", "nominal"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no column 'item'; the header has [id, who, label]");
    assertThat(run("labels", "--annotations", dir.resolve("none.csv").toString(), "--level",
        "nominal")).isEqualTo(2);
    assertThat(err.toString()).contains("none.csv");
    assertThat(run("labels", "--annotations", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--level=<level>'");
  }
}
