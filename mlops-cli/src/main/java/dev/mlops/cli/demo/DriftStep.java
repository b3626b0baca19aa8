package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.BarChart;
import dev.mlops.cli.dashboard.Chart;
import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.Html;
import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.core.drift.report.DriftReportHtml;
import dev.mlops.core.drift.report.DriftReportJson;
import dev.mlops.core.drift.report.DriftReportText;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Splits the bundled data in two halves by a seeded shuffle, injects a sudden shift into a few
 * columns of the "current" half, runs batch drift detection and writes the HTML report.
 */
final class DriftStep implements DemoStep {
  /** Columns that get the injected shift, and by how many reference standard deviations. */
  static final List<String> SHIFTED = List.of("mean_radius", "mean_texture", "worst_area");
  static final double SHIFT_SD = 1.0;
  static final String REPORT_FILE = "drift-report.html";

  @Override
  public String title() {
    return "Drift: reference half vs current half with a sudden shift in " + SHIFTED.size() + " columns";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Dataset data = context.dataset();
    List<String> features = new ArrayList<>(data.columnNames());
    features.remove("id");
    data = data.select(features);
    int[][] halves = halves(data.rowCount(), context.seed());
    Dataset reference = data.selectRows(halves[0]).withName("reference");
    Dataset current = data.selectRows(halves[1]).withName("current");
    for (String name : SHIFTED) {
      double[] values = current.numeric(name).toArray();
      double sd = std(reference.numeric(name).presentValues());
      for (int i = 0; i < values.length; i++) {
        values[i] += SHIFT_SD * sd;
      }
      current = current.withColumn(NumericColumn.of(name, values));
    }
    DriftReport report = StatisticalDriftDetector.defaults().detect(reference, current);
    var out = context.out();
    out.printf(Locale.ROOT, "reference %d rows, current %d rows; +%.1f sd injected into %s%n",
        reference.rowCount(), current.rowCount(), SHIFT_SD, String.join(", ", SHIFTED));
    out.println(DriftReportText.headline(report));
    List<ColumnDrift> top = report.columns().stream()
        .filter(c -> c.status() == ColumnStatus.OK)
        .sorted(Comparator.comparingDouble(ColumnDrift::driftScore).reversed())
        .limit(6)
        .toList();
    for (ColumnDrift c : top) {
      out.printf(Locale.ROOT, "  %-22s %-4s p=%-10.3g %s%n", c.name(), c.test(),
          c.pValue().orElse(Double.NaN), c.drifted() ? "DRIFT" : "ok");
    }
    Path file = context.outputDir().resolve(REPORT_FILE);
    AtomicFiles.writeString(file, DriftReportHtml.toHtml(report, reference, current,
        "Drift demo: current half vs reference half"));
    out.printf("HTML report: %s%n", file);
    context.writeJson("drift.json", JSON.readTree(DriftReportJson.toJson(report)));

    Dashboard.Section section = context.dashboard().section("monitoring", "6. Monitoring");
    section.heading("Drift: current half vs reference half, +" + SHIFT_SD + " sd injected into "
        + String.join(", ", SHIFTED));
    section.text(DriftReportText.headline(report) + "; full report: " + REPORT_FILE + ".");
    for (ColumnDrift c : top.subList(0, Math.min(3, top.size()))) {
      section.chart(histogram(c, reference.numeric(c.name()).presentValues(),
          current.numeric(c.name()).presentValues()));
    }
    section.table(List.of("column", "test", "p-value", "drift score", "drifted"), top.stream()
        .map(c -> List.of(c.name(), c.test(), Html.value(c.pValue().orElse(Double.NaN)), Html.value(c.driftScore()),
            c.drifted() ? "yes" : "no")).toList());
  }

  static final int BINS = 12;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Reference and current share per equal-width bin over both samples' range. */
  private static Chart histogram(ColumnDrift c, double[] reference, double[] current) {
    double lo = Math.min(java.util.Arrays.stream(reference).min().orElse(0),
        java.util.Arrays.stream(current).min().orElse(0));
    double hi = Math.max(java.util.Arrays.stream(reference).max().orElse(1),
        java.util.Arrays.stream(current).max().orElse(1));
    double width = (hi - lo) / BINS;
    List<String> bins = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      bins.add(Html.value(lo + width * (b + 0.5)));
    }
    return BarChart.builder("drift-" + c.name().replace('_', '-'), "Reference vs current: " + c.name(), bins)
        .axes(c.name() + " (bin centre)", "share of rows")
        .description(String.format(Locale.ROOT, "Distribution of %s in the reference and the current half, "
            + "%d equal-width bins; %s test p = %s, %s.", c.name(), BINS, c.test(),
            Html.value(c.pValue().orElse(Double.NaN)), c.drifted() ? "drifted" : "no drift"))
        .series("reference", shares(reference, lo, width))
        .series("current", shares(current, lo, width))
        .build();
  }

  private static double[] shares(double[] values, double lo, double width) {
    double[] shares = new double[BINS];
    for (double v : values) {
      shares[Math.min(BINS - 1, Math.max(0, (int) ((v - lo) / width)))] += 1.0 / values.length;
    }
    return shares;
  }

  /** A seeded shuffle of the row indices, split in two halves. */
  static int[][] halves(int rows, long seed) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int half = rows / 2;
    return new int[][] {
      java.util.Arrays.copyOfRange(order, 0, half), java.util.Arrays.copyOfRange(order, half, rows)
    };
  }

  private static double std(double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElse(0);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / x.length);
  }
}
