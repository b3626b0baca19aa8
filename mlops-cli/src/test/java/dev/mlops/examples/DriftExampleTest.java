package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.core.drift.report.DriftReportHtml;
import dev.mlops.core.drift.report.DriftReportJson;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import org.junit.jupiter.api.Test;

/** The README's "Drift" example (docs/drift.md), kept compiling and true. */
class DriftExampleTest {

  @Test
  void batchDrift() {
    Dataset reference = Dataset.of(
        NumericColumn.of("amount", 12, 15, 11, 14, 13, 12, 16, 15, 13, 14),
        CategoricalColumn.of("channel", "web", "app", "web", "web", "app", "web", "app", "web", "app", "web"));
    Dataset current = Dataset.of(
        NumericColumn.of("amount", 25, 27, 22, 26, 24, 28, 23, 25, 26, 27),
        CategoricalColumn.of("channel", "web", "app", "kiosk", "web", "app", "web", "app", "web", "app", "web"));

    // README: drift
    BatchDriftConfig config = BatchDriftConfig.builder()
        .columnTest("amount", DriftTest.KS)          // default: Evidently's choice per column
        .correction(Correction.BH)                   // default NONE, as Evidently
        .driftShare(0.5)                             // dataset drift when >= half the columns drift
        .build();
    DriftReport report = StatisticalDriftDetector.of(config).detect(reference, current);
    ColumnDrift amount = report.columns().get(0);    // ks: statistic 1.0, p = 1.08e-05 (scipy)
    String json = DriftReportJson.toJson(report);    // or DriftReportText.toText(report)
    String html = DriftReportHtml.toHtml(report, reference, current, "amount drift");

    assertThat(amount.drifted()).isTrue();
    assertThat(amount.pValue().getAsDouble()).isCloseTo(1.0825088224469026e-05, within(1e-14));
    assertThat(report.columns().get(1).newCategories()).containsExactly("kiosk");
    assertThat(report.datasetDrift()).isTrue();
    assertThat(json).contains("\"pValue\"");
    assertThat(html).doesNotContain("http");
  }
}
