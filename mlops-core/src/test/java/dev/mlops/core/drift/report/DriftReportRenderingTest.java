package dev.mlops.core.drift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftReportRenderingTest {
  private final Dataset reference;
  private final Dataset current;
  private final DriftReport report;

  DriftReportRenderingTest() {
    Random r = new Random(7);
    int n = 1200;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] a2 = new double[n];
    double[] b2 = new double[n];
    List<String> c = new ArrayList<>();
    List<String> c2 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian() + 1.0; // shifted
      a2[i] = r.nextGaussian();
      b2[i] = i % 10 == 0 ? Double.NaN : a2[i];
      c.add(i % 3 == 0 ? "x<y" : "plain");
      c2.add(i % 5 == 0 ? "new & shiny" : i % 3 == 0 ? "x<y" : "plain");
    }
    reference = Dataset.of(NumericColumn.of("shifted", a), NumericColumn.of("stable", a2),
        CategoricalColumn.of("cat", c), NumericColumn.of("gone", a));
    current = Dataset.of(NumericColumn.of("shifted", b), NumericColumn.of("stable", b2),
        CategoricalColumn.of("cat", c2));
    report = StatisticalDriftDetector.defaults().detect(reference, current);
  }

  @Test
  void jsonHasTheContractFieldNames() throws Exception {
    JsonNode root = new ObjectMapper().readTree(DriftReportJson.toJson(report));
    assertThat(root.fieldNames()).toIterable().containsSubsequence(
        "datasetDrift", "driftShare", "driftedColumns", "columnsTested", "correction", "columns");
    assertThat(root.get("headline").asText()).isEqualTo(
        "Dataset drift: 2 of 3 columns drifted, at or above the dataset-drift share 0.50");
    assertThat(root.get("correction").asText()).isEqualTo("none");
    assertThat(root.get("columnsTested").asInt()).isEqualTo(3);
    JsonNode first = root.get("columns").get(0);
    assertThat(first.fieldNames()).toIterable().contains("name", "type", "test", "statistic",
        "pValue", "threshold", "drifted", "referenceMissingRate", "currentMissingRate",
        "newCategories", "status", "reason");
    assertThat(first.get("name").asText()).isEqualTo("shifted");
    assertThat(first.get("test").asText()).isEqualTo("wasserstein");
    assertThat(first.get("pValue").isNull()).isTrue(); // a distance
    assertThat(first.get("status").asText()).isEqualTo("ok");
    assertThat(first.get("reason").isNull()).isTrue();
    JsonNode cat = root.get("columns").get(2);
    assertThat(cat.get("newCategories").get(0).asText()).isEqualTo("new & shiny");
    JsonNode gone = root.get("columns").get(3);
    assertThat(gone.get("status").asText()).isEqualTo("skipped");
    assertThat(gone.get("statistic").isNull()).isTrue();
    assertThat(gone.get("reason").asText()).isEqualTo("column is only in the reference data");
    assertThat(root.get("columns").get(1).get("currentMissingRate").asDouble()).isEqualTo(0.1);
  }

  @Test
  void htmlIsOneSelfContainedFile() {
    String html = DriftReportHtml.toHtml(report, reference, current, "ref.csv vs cur.csv");
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).doesNotContainIgnoringCase("http").doesNotContain("<script").doesNotContain("src=");
    assertThat(html).containsOnlyOnce("<style>");
    // a chart for each column present on both sides, escaped category names
    assertThat(html.split("<svg", -1)).hasSize(4);
    assertThat(html).contains("new &amp; shiny").contains("x&lt;y").doesNotContain("x<y");
    // sorted by drift score: the shifted column's card comes before the stable one's
    assertThat(html.indexOf("<h2>shifted")).isLessThan(html.indexOf("<h2>stable"));
    assertThat(html).contains("<div class=\"banner yes\">Dataset drift: 2 of 3 columns drifted, at or"
        + " above the dataset-drift share 0.50</div>")
        .contains("skipped: column is only in the reference data");
  }

  @Test
  void aFewDriftedColumnsBelowTheShareAreCountedInTheHeadlineNotHidden() throws Exception {
    // Only one of three columns drifts: below the 0.5 share, yet the headline must say so.
    DriftReport few = StatisticalDriftDetector.defaults().detect(
        reference.select(List.of("shifted", "stable", "cat")),
        Dataset.of(current.column("shifted"), NumericColumn.of("stable", column(reference, "stable")),
            reference.column("cat")));
    assertThat(few.datasetDrift()).isFalse();
    assertThat(few.driftedColumns()).isEqualTo(1);
    String headline = "1 of 3 columns drifted, below the dataset-drift share 0.50";
    assertThat(DriftReportText.toText(few)).startsWith(headline + " (");
    assertThat(DriftReportHtml.toHtml(few, reference, current, "t"))
        .contains("<div class=\"banner some\">" + headline + "</div>")
        .doesNotContain("No dataset drift");
    assertThat(new ObjectMapper().readTree(DriftReportJson.toJson(few)).get("headline").asText())
        .isEqualTo(headline);
  }

  @Test
  void noDriftedColumnIsNoDrift() {
    DriftReport none = StatisticalDriftDetector.defaults().detect(reference, reference);
    assertThat(DriftReportText.headline(none)).isEqualTo("No drift: 0 of 4 columns drifted");
  }

  private static double[] column(Dataset data, String name) {
    NumericColumn c = (NumericColumn) data.column(name);
    double[] v = new double[data.rowCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.value(i);
    }
    return v;
  }

  @Test
  void textListsMostDriftedFirst() {
    String text = DriftReportText.toText(report);
    assertThat(text).startsWith("Dataset drift: 2 of 3 columns drifted, at or above the"
        + " dataset-drift share 0.50 (drifted share 0.667; correction none)");
    String[] lines = text.split("\\R");
    assertThat(lines[2]).startsWith("shifted").contains("DRIFT");
    assertThat(text).contains("skipped: column is only in the reference data")
        .contains("new categories [new & shiny]").contains("missing 0.0% -> 10.0% (changed)");
  }
}
