package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.labels.DefaultLabelConsistencyChecker;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelConsistencyStepTest {

  @Test
  void simulatedAnnotatorsAreRankedAsSimulatedAndTheStepPrintsHlp(@TempDir Path dir)
      throws Exception {
    StringWriter text = new StringWriter();
    DemoContext context = new DemoContext(new PrintWriter(text), dir, 42);
    new LoadDatasetStep().run(context);
    new LabelConsistencyStep().run(context);
    context.out().flush();
    assertThat(text.toString())
        .contains("by 5 annotators")
        .contains("human-level performance 0.")
        .contains("Fleiss' kappa: undefined, items have between")
        .contains("rule 'mean_radius > 15 => malignant' vs diagnosis: accuracy 0.");

    LabelConsistencyReport report = DefaultLabelConsistencyChecker.create().check(
        LabelConsistencyStep.simulate(context.dataset(), context.dataset().categorical("diagnosis"),
            42),
        MeasurementLevel.NOMINAL);
    // The most accurate simulated annotator scores highest, the least accurate lowest.
    assertThat(report.annotatorStats()).extracting(AnnotatorStats::leaveOneOutAccuracy)
        .extracting(a -> a.value())
        .isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(report.hlp().ciLow()).isLessThan(report.hlp().estimate());
  }
}
