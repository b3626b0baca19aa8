package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.cli.MlopsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ErrorAnalysisStepTest {

  @Test
  void demoPrintsThePrioritizationTable(@TempDir Path dir) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("demo", "--out", dir.toString())).isZero();

    String text = out.toString();
    // 44 of 569 wrong: (357 - 346) benign called malignant + (212 - 179) malignant missed
    assertThat(text).contains("rule: malignant iff worst_radius > 16.8 -> accuracy 0.9227,"
        + " recall(malignant) 0.8443, 44 errors");
    // rough surface: 114 of 569 examples (20.0%), 95 right (0.8333), gap 0.96 - 0.8333 = 0.1267
    assertThat(text).containsPattern("rough surface\\s+20\\.0%\\s+0\\.8333\\s+0\\.1267\\s+0\\.0254");
    String table = text.substring(text.indexOf("prioritization ("));
    assertThat(table.indexOf("rough surface")).isLessThan(table.indexOf("many concave points"));
    assertThat(table.indexOf("high texture")).isLessThan(table.indexOf("large tumour"));
    assertThat(text).contains("-> collect or augment 'rough surface' examples first");
    assertThat(Files.readString(dir.resolve("prioritization.json")))
        .contains("\"group\" : \"rough surface\"");
  }
}
