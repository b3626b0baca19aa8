package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftStepTest {

  @Test
  void findsTheInjectedShiftAndWritesTheHtmlReport(@TempDir Path dir) throws Exception {
    StringWriter sw = new StringWriter();
    DemoContext context = new DemoContext(new PrintWriter(sw), dir, 42);
    new LoadDatasetStep().run(context);
    new DriftStep().run(context);
    String out = sw.toString();
    for (String shifted : DriftStep.SHIFTED) {
      assertThat(out).containsPattern(shifted + "\\s+ks\\s+p=\\S+\\s+DRIFT");
    }
    assertThat(out).contains("3 of 31 columns drifted, below the dataset-drift share 0.50");
    String html = Files.readString(dir.resolve(DriftStep.REPORT_FILE));
    // The banner counts the drifted columns instead of a green "No dataset drift".
    assertThat(html).contains("<div class=\"banner some\">3 of 31 columns drifted, below the"
        + " dataset-drift share 0.50</div>").doesNotContain("No dataset drift");
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("http");
    assertThat(out.lines().count()).isLessThanOrEqualTo(25);
  }

  @Test
  void halvesAreASeededPartitionOfTheRows() {
    int[][] h = DriftStep.halves(569, 42);
    assertThat(h[0]).hasSize(284);
    assertThat(h[1]).hasSize(285);
    int[] all = java.util.stream.IntStream.concat(
        java.util.Arrays.stream(h[0]), java.util.Arrays.stream(h[1])).sorted().toArray();
    assertThat(all).isEqualTo(java.util.stream.IntStream.range(0, 569).toArray());
    assertThat(DriftStep.halves(569, 42)[0]).isEqualTo(h[0]);
  }
}
