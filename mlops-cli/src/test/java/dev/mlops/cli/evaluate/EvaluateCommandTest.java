package dev.mlops.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** 40 rows: region a (20, 19 right), region b (20, 13 right); scores rank the positives. */
  private Path csv() throws IOException {
    StringBuilder sb = new StringBuilder("id,label,pred,score,region,size\n");
    for (int i = 0; i < 40; i++) {
      boolean regionA = i < 20;
      boolean positive = i % 2 == 0;
      boolean correct = regionA ? i != 3 : i % 5 != 0 && i != 21 && i != 23 && i != 27;
      String label = positive ? "yes" : "no";
      String pred = correct ? label : (positive ? "no" : "yes");
      double score = positive ? 0.55 + (i % 7) * 0.05 : 0.1 + (i % 9) * 0.05;
      sb.append("r").append(i).append(',').append(label).append(',').append(pred).append(',')
          .append(score).append(',').append(regionA ? "a" : "b").append(',').append(i).append('\n');
    }
    Path file = dir.resolve("preds.csv");
    Files.writeString(file, sb.toString());
    return file;
  }

  @Test
  void textReportHasMetricsSlicesBaselinesAndPrioritization() throws IOException {
    int code = run("evaluate", "--predictions", csv().toString(), "--label", "label",
        "--prediction", "pred", "--score", "score", "--slice", "region", "--baseline", "HLP=0.95",
        "--min-slice-size", "10");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("examples 40, accuracy 0.8000")
        .contains("roc_auc 1.0000")
        .contains("region = a")
        .contains("prioritization (accuracy vs HLP, gain = gap x share):")
        // b: accuracy 0.65, gap 0.30, share 0.5, gain 0.15 -> first row
        .containsPattern("region = b\\s+50\\.0%\\s+0\\.6500\\s+0\\.9500\\s+0\\.3000\\s+0\\.1500");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void jsonReportKeepsTheContractFieldNames() throws IOException {
    int code = run("evaluate", "--predictions", csv().toString(), "--label", "label",
        "--prediction", "pred", "--slice", "region", "--slice", "size", "--baseline", "HLP=0.95",
        "--format", "json", "--min-slice-size", "5");
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/classification/accuracy").asDouble()).isEqualTo(0.8);
    assertThat(json.at("/classification/roc_auc/value").isNull()).isTrue();
    assertThat(json.at("/classification/roc_auc/status").asText()).isEqualTo("UNDEFINED");
    assertThat(json.at("/slices/slices").size()).isEqualTo(2 + 4);
    assertThat(json.at("/prioritization/rows/0/group").asText()).isEqualTo("region = b");
    assertThat(json.at("/prioritization/rows/0/potential_gain").asDouble())
        .isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(json.at("/baselines/baselines").toString()).contains("HLP", "majority class");
  }

  @Test
  void htmlReportEscapesAndHighlights() throws IOException {
    assertThat(run("evaluate", "--predictions", csv().toString(), "--label", "label",
        "--prediction", "pred", "--format", "html")).isZero();
    assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("<pre>")
        .contains("accuracy 0.8000").endsWith("</html>" + System.lineSeparator());
  }

  @Test
  void regressionWithLongTail() throws IOException {
    Path file = dir.resolve("delivery.csv");
    Files.writeString(file, "minutes,predicted\n20,25\n35,30\n50,50\n65,55\n90,60\n30,30\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "minutes",
        "--prediction", "predicted", "--task", "regression", "--tail-threshold", "60")).isZero();
    assertThat(out.toString()).contains("examples 6, MAE 8.3333")
        .contains("long tail (label > 60.0): 2 examples (33.3%)")
        .contains("examples 2, MAE 20.0000");
  }

  @Test
  void missingColumnIsAnInputError() throws IOException {
    assertThat(run("evaluate", "--predictions", csv().toString(), "--label", "label",
        "--prediction", "prediction")).isEqualTo(2);
    assertThat(err.toString()).contains("has no column 'prediction'");
  }

  @Test
  void missingPredictionsNameTheLines() throws IOException {
    Path file = dir.resolve("gaps.csv");
    Files.writeString(file, "label,pred\nyes,yes\nno,\nyes,no\nno,\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "label",
        "--prediction", "pred")).isEqualTo(2);
    assertThat(err.toString()).contains(
        "column 'pred' has 2 missing values (lines [3, 5]); every example needs a value");
  }

  @Test
  void scoreOutsideZeroOneIsAnInputError() throws IOException {
    Path file = dir.resolve("bad-score.csv");
    Files.writeString(file, "label,pred,score\nyes,yes,0.9\nno,no,1.4\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "label",
        "--prediction", "pred", "--score", "score")).isEqualTo(2);
    assertThat(err.toString()).contains("scores must be probabilities in [0, 1]; row 1 (id '1') has 1.4");
  }

  @Test
  void scoreOnMultiClassNeedsThePositiveLabel() throws IOException {
    Path file = dir.resolve("three.csv");
    Files.writeString(file, "label,pred,score\na,a,0.9\nb,b,0.1\nc,a,0.5\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "label",
        "--prediction", "pred", "--score", "score")).isEqualTo(2);
    assertThat(err.toString()).contains(
        "--score needs --positive LABEL when the label column 'label' does not have exactly two"
            + " classes; it has [a, b, c]");
  }

  @Test
  void singleClassDataReportsRocAucAsUndefined() throws IOException {
    Path file = dir.resolve("one-class.csv");
    Files.writeString(file, "label,pred,score\nno,no,0.1\nno,yes,0.7\nno,no,0.2\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "label",
        "--prediction", "pred", "--score", "score", "--positive", "yes")).isZero();
    assertThat(out.toString()).contains("roc_auc n/a")
        .contains("roc_auc: only one class present in the actual labels");
  }

  @Test
  void badBaselineValueIsAUsageError() throws IOException {
    assertThat(run("evaluate", "--predictions", csv().toString(), "--label", "label",
        "--prediction", "pred", "--baseline", "HLP=high")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--baseline'", "'high' is not a double");
  }

  /**
   * Issue 12 item 7: labels 1/0 against predictions 1.0/0.0 are the same classes, as for
   * scikit-learn on what pandas reads: {@code accuracy_score([1, 0, 1, 1], [1.0, 0.0, 0.0, 1.0])}
   * is 0.75.
   */
  @Test
  void integralNumericLabelsMatchPredictionsWrittenWithAFraction() throws IOException {
    Path file = dir.resolve("numeric.csv");
    Files.writeString(file, "label,pred,score\n1,1.0,0.9\n0,0.0,0.2\n1,0.0,0.4\n1,1.0,0.8\n");
    assertThat(run("evaluate", "--predictions", file.toString(), "--label", "label",
        "--prediction", "pred", "--score", "score", "--positive", "1.0", "--format", "json"))
        .as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/classification/accuracy").asDouble()).isEqualTo(0.75);
    // sklearn.metrics.roc_auc_score([1, 0, 1, 1], [0.9, 0.2, 0.4, 0.8]) == 1.0
    assertThat(json.at("/classification/roc_auc/value").asDouble()).isEqualTo(1.0);
  }
}
