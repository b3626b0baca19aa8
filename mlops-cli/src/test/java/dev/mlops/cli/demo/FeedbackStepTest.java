package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackStepTest {

  @Test
  void estimatedAccuracyFallsWithTheShiftAndBracketsTheRealizedOne(@TempDir Path dir) throws Exception {
    StringWriter sw = new StringWriter();
    new FeedbackStep().run(new DemoContext(new PrintWriter(sw), dir, 42));
    String out = sw.toString();
    assertThat(out).contains("logged 4000 predictions to prediction-log (e-mail hashed, 0 dropped)")
        .doesNotContain("@example.com");
    Matcher m = Pattern.compile("\\n  (\\d)\\*?\\s+(\\S+)\\s+\\[(\\S+), (\\S+)\\]\\s+(\\S+)\\s+(\\d+)").matcher(out);
    List<double[]> rows = new java.util.ArrayList<>();
    while (m.find()) {
      rows.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
          Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))});
    }
    assertThat(rows).hasSize(FeedbackStep.WINDOWS);
    for (int w = 0; w < rows.size(); w++) {
      double[] r = rows.get(w);
      assertThat(r[3]).as("window %d realized within band", w).isBetween(r[1] - 0.01, r[2] + 0.01);
      if (w < FeedbackStep.SHIFT_FROM) {
        assertThat(r[0]).isGreaterThan(0.8);
      } else {
        assertThat(r[0]).isLessThan(0.7);
      }
    }
    assertThat(out.lines().count()).isLessThanOrEqualTo(16);
  }
}
