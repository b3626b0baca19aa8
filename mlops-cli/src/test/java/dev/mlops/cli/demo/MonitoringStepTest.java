package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringStepTest {

  @Test
  void alertsFollowTheShiftsAndTriggerOneRetraining(@TempDir Path dir) throws Exception {
    StringWriter sw = new StringWriter();
    try (DemoContext context = new DemoContext(new PrintWriter(sw), dir, 42)) {
      new LoadDatasetStep().run(context);
      new DataSpecStep().run(context); // the dataset version and the run table the model run needs
      new ExperimentsStep().run(context);
      new OnnxServingStep().run(context);
      sw.getBuffer().setLength(0);
      new MonitoringStep().run(context);
    }
    String out = sw.toString();
    assertThat(out).contains("false alarms before the first shift: 0");
    Matcher gradual = Pattern.compile("window (\\d+), row \\d+: drift.detected\\[mean_radius\\]")
        .matcher(out);
    assertThat(gradual.find()).as(out).isTrue();
    int first = Integer.parseInt(gradual.group(1));
    // the gradual shift reaches PSI 0.2 a few windows after it starts
    assertThat(first).isBetween(MonitoringStep.GRADUAL_FROM, MonitoringStep.GRADUAL_FROM + 4);
    assertThat(out).containsPattern("window " + MonitoringStep.SUDDEN_FROM
        + ", row \\d+: drift.detected\\[worst_area\\]");
    assertThat(out).contains("retraining STARTED (window " + first + ")")
        .contains("retraining SUCCEEDED (window " + first + ")")
        .contains("retraining SKIPPED_COOL_DOWN");
    assertThat(out.lines().count()).isLessThanOrEqualTo(40);
  }
}
