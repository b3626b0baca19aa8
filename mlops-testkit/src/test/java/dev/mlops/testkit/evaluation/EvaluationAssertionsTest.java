package dev.mlops.testkit.evaluation;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.evaluation.AveragedMetrics;
import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ConfusionMatrix;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import dev.mlops.evaluation.SliceStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationAssertionsTest {
  // 10 examples: "no" 6 right of 7, "yes" 2 right of 3; "yes" precision 2/3, recall 2/3.
  private static final ClassificationReport REPORT = new ClassificationReport(10, List.of("no", "yes"),
      ConfusionMatrix.of(List.of("no", "yes"), new long[][] {{6, 1}, {1, 2}}), 0.8,
      List.of(new ClassMetrics("no", 7, 7, MetricValue.of(6 / 7.0), MetricValue.of(6 / 7.0), MetricValue.of(6 / 7.0)),
          new ClassMetrics("yes", 3, 3, MetricValue.of(2 / 3.0), MetricValue.of(2 / 3.0),
              MetricValue.zeroDivision(0.0, "demo substitute"))),
      new AveragedMetrics(MetricValue.of(0.76), MetricValue.of(0.76), MetricValue.of(0.76)),
      new AveragedMetrics(MetricValue.of(0.8), MetricValue.of(0.8), MetricValue.of(0.8)),
      new AveragedMetrics(MetricValue.of(0.8), MetricValue.of(0.8), MetricValue.of(0.8)),
      Optional.of("yes"), MetricValue.undefined("no scores"), MetricValue.undefined("no scores"),
      MetricValue.undefined("no scores"), MetricValue.undefined("no scores"), MetricValue.undefined("no scores"),
      List.of(), 0.7, List.of());

  @Test
  void classificationFloorsPassAndSayExpectedVersusActual() {
    assertThat(REPORT).hasAccuracyAtLeast(0.8).beatsTheMajorityClass().hasMacroF1AtLeast(0.75)
        .hasRecallFor("yes").atLeast(0.66).hasPrecisionFor("no").atLeast(0.85).hasF1For("no").atLeast(0.85);
    assertThatThrownBy(() -> assertThat(REPORT).hasAccuracyAtLeast(0.9))
        .hasMessageContaining("Expected accuracy at least 0.9 but it was 0.8 over 10 examples");
    assertThatThrownBy(() -> assertThat(REPORT).hasMacroF1AtLeast(0.8))
        .hasMessageContaining("Expected macro F1 at least 0.8 but it was 0.76");
    assertThatThrownBy(() -> assertThat(REPORT).hasRecallFor("yes").atLeast(0.7))
        .hasMessageContaining("Expected recall of 'yes' at least 0.7 but it was 0.6666");
    assertThatThrownBy(() -> assertThat(REPORT).hasPrecisionFor("yes").atLeast(0.7))
        .hasMessageContaining("Expected precision of 'yes' at least 0.7 but it was 0.6666");
    assertThatThrownBy(() -> assertThat(REPORT).hasF1For("maybe"))
        .hasMessageContaining("Expected the report to have class 'maybe' but its classes are [no, yes]");
    assertThatIllegalArgumentException().isThrownBy(() -> assertThat(REPORT).hasAccuracyAtLeast(Double.NaN));
  }

  @Test
  void aZeroDivisionSubstituteClearsNoFloorEvenAZeroOne() {
    assertThatThrownBy(() -> assertThat(REPORT).hasF1For("yes").atLeast(0.0))
        .hasMessageContaining("Expected F1 of 'yes' at least 0.0 but it was 0.0 (zero division: demo substitute)");
  }

  @Test
  void theMajorityBaselineFailsAReportThatDoesNotBeatIt() {
    ClassificationReport trivial = new ClassificationReport(REPORT.examples(), REPORT.labels(),
        REPORT.confusionMatrix(), 0.7, REPORT.perClass(), REPORT.macro(), REPORT.micro(), REPORT.weighted(),
        REPORT.positiveLabel(), REPORT.rocAuc(), REPORT.rocAucWeighted(), REPORT.averagePrecision(),
        REPORT.logLoss(), REPORT.brierScore(), REPORT.calibration(), 0.7, REPORT.warnings());
    assertThatThrownBy(() -> assertThat(trivial).beatsTheMajorityClass())
        .hasMessageContaining("Expected accuracy above the majority-class baseline 0.7 but it was 0.7");
  }

  private static final SliceReport SLICES = new SliceReport("recall", true, 300, MetricValue.of(0.8),
      Optional.empty(), 30, 42L, List.of(
          new SliceResult("country=DE", 150, 0.5, MetricValue.of(0.9), Optional.empty(), SliceStatus.OK),
          new SliceResult("country=FR", 140, 0.47, MetricValue.of(0.6), Optional.empty(),
              SliceStatus.SIGNIFICANTLY_WORSE),
          new SliceResult("country=NO", 10, 0.03, MetricValue.undefined("too small"), Optional.empty(),
              SliceStatus.TOO_SMALL)));

  @Test
  void sliceAssertionsFindFlaggedSlicesAndEachSlicesMetric() {
    assertThat(SLICES).flaggedSlices("country=FR")
        .slice("country=DE").isOk().hasMetricAtLeast(0.9)
        .report().slice("country=FR").isFlagged().hasMetricAtLeast(0.6)
        .report().slice("country=NO").hasStatus(SliceStatus.TOO_SMALL);
    assertThatThrownBy(() -> assertThat(SLICES).hasNoFlaggedSlice())
        .hasMessageContaining("Expected flagged slices [] but they are [country=FR]")
        .hasMessageContaining("country=FR n=140 recall 0.6 SIGNIFICANTLY_WORSE");
    assertThatThrownBy(() -> assertThat(SLICES).slice("country=FR").hasMetricAtLeast(0.7))
        .hasMessageContaining("Expected recall of slice 'country=FR' at least 0.7 but it was 0.6 (n=140)");
    assertThatThrownBy(() -> assertThat(SLICES).slice("country=NO").hasMetricAtLeast(0.0))
        .hasMessageContaining("but it was undefined (too small)");
    assertThatThrownBy(() -> assertThat(SLICES).slice("country=DE").isFlagged())
        .hasMessageContaining("Expected slice 'country=DE' to be SIGNIFICANTLY_WORSE but it is OK (recall 0.9, n=150)");
    assertThatThrownBy(() -> assertThat(SLICES).slice("country=SE"))
        .hasMessageContaining("Expected the report to have slice 'country=SE' but it has [country=DE, country=FR, country=NO]");
  }

  @Test
  void regressionCeilingsAndTheR2Floor() {
    RegressionReport report = new RegressionReport(20, 0.5, 0.75, 0.1, MetricValue.of(0.92), List.of());
    assertThat(report).hasMaeAtMost(0.5).hasRmseAtMost(0.75).hasR2AtLeast(0.9);
    assertThatThrownBy(() -> assertThat(report).hasMaeAtMost(0.4))
        .hasMessageContaining("Expected MAE at most 0.4 but it was 0.5 over 20 examples");
    assertThatThrownBy(() -> assertThat(report).hasRmseAtMost(0.7))
        .hasMessageContaining("Expected RMSE at most 0.7 but it was 0.75 over 20 examples");
    assertThatThrownBy(() -> assertThat(report).hasR2AtLeast(0.95))
        .hasMessageContaining("Expected R² at least 0.95 but it was 0.92 over 20 examples");
    RegressionReport constant = new RegressionReport(20, 0.5, 0.75, 0.1, MetricValue.undefined("constant target"),
        List.of());
    assertThatThrownBy(() -> assertThat(constant).hasR2AtLeast(0.0))
        .hasMessageContaining("but it was undefined (constant target)");
  }
}
