package dev.mlops.core.drift.report;

import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link DriftReport} as a plain-text table for terminals and logs: a summary line, then
 * one line per column, most drifted first. Stateless and thread-safe.
 */
public final class DriftReportText {
  private DriftReportText() {}

  /**
   * The report's verdict in one line, shared by the text, HTML and JSON forms. It always says how
   * many columns drifted, so drifted columns are never hidden behind "no dataset drift" (plain
   * ASCII, because terminals in the C locale print a dash as {@code ?}):
   * {@code "Dataset drift: 17 of 31 columns drifted, at or above the dataset-drift share 0.50"},
   * {@code "3 of 31 columns drifted, below the dataset-drift share 0.50"} or
   * {@code "No drift: 0 of 31 columns drifted"}.
   */
  public static String headline(DriftReport report) {
    String counts = report.driftedColumns() + " of " + report.columnsTested() + " column"
        + (report.columnsTested() == 1 ? "" : "s") + " drifted";
    String share = String.format(Locale.ROOT, "%.2f", report.driftShare());
    if (report.datasetDrift()) {
      return "Dataset drift: " + counts + ", at or above the dataset-drift share " + share;
    }
    if (report.driftedColumns() > 0) {
      return counts + ", below the dataset-drift share " + share;
    }
    return "No drift: " + counts;
  }

  /** Returns the text rendering. */
  public static String toText(DriftReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s (drifted share %.3f; correction %s)%n",
        headline(report),
        report.columnsTested() == 0 ? 0.0 : (double) report.driftedColumns() / report.columnsTested(),
        report.correction().name().toLowerCase(Locale.ROOT)));
    sb.append(String.format(Locale.ROOT, "%-24s %-12s %-15s %12s %12s %10s  %-7s %s%n",
        "column", "type", "test", "statistic", "p-value", "threshold", "drift", "notes"));
    for (ColumnDrift c : sorted(report.columns())) {
      String p = c.pValue().isPresent() ? fmt(c.adjustedPValue().orElse(c.pValue().getAsDouble())) : "-";
      StringBuilder notes = new StringBuilder();
      if (c.status() == ColumnStatus.SKIPPED) {
        notes.append("skipped: ").append(c.reason().orElse(""));
      }
      if (c.referenceMissingRate() > 0 || c.currentMissingRate() > 0) {
        notes.append(notes.length() > 0 ? "; " : "").append(String.format(Locale.ROOT,
            "missing %.1f%% -> %.1f%%%s", 100 * c.referenceMissingRate(), 100 * c.currentMissingRate(),
            c.missingRateDrifted() ? " (changed)" : ""));
      }
      if (!c.newCategories().isEmpty()) {
        notes.append(notes.length() > 0 ? "; " : "").append("new categories ").append(c.newCategories());
      }
      sb.append(String.format(Locale.ROOT, "%-24s %-12s %-15s %12s %12s %10s  %-7s %s%n",
          c.name(), c.type(), c.test().isEmpty() ? "-" : c.test(),
          c.status() == ColumnStatus.OK ? fmt(c.statistic()) : "-", p,
          c.status() == ColumnStatus.OK ? fmt(c.threshold()) : "-",
          c.status() == ColumnStatus.SKIPPED ? "skip" : c.drifted() ? "DRIFT" : "ok",
          notes).stripTrailing()).append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** Columns by descending drift score, tested before skipped, then by name. */
  static List<ColumnDrift> sorted(List<ColumnDrift> columns) {
    return columns.stream()
        .sorted(Comparator.comparing((ColumnDrift c) -> c.status() == ColumnStatus.SKIPPED)
            .thenComparing(Comparator.comparingDouble(ColumnDrift::driftScore).reversed())
            .thenComparing(ColumnDrift::name))
        .toList();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    return a != 0 && (a < 1e-3 || a >= 1e6)
        ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }
}
