package dev.mlops.core.drift.report;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link DriftReport} as one self-contained HTML page: inline CSS and SVG only, no script
 * and no external resource, so it opens offline in any browser. A summary comes first, then per
 * column (most drifted first) reference-versus-current charts: a histogram over
 * {@value #HISTOGRAM_BINS} equal-width bins of the pooled range for numeric columns, a bar chart
 * of the {@value #MAX_CATEGORIES} most frequent categories for categorical ones (shares of the
 * present values on each side).
 *
 * <p>Stateless and thread-safe.
 */
public final class DriftReportHtml {
  /** Bins of the numeric histograms: {@value}. */
  public static final int HISTOGRAM_BINS = 20;
  /** Categories shown per bar chart: {@value}. */
  public static final int MAX_CATEGORIES = 15;

  private static final int WIDTH = 640;
  private static final int HEIGHT = 170;
  private static final int PAD = 30;
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222}",
      "h1{font-size:22px}h2{font-size:17px;margin:0 0 6px}",
      "table{border-collapse:collapse;font-size:13px}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}",
      ".drift{color:#b00020;font-weight:600}.ok{color:#1b7f3b}.skip{color:#777}",
      ".card{border:1px solid #ddd;border-radius:6px;padding:12px;margin:14px 0;max-width:" + (WIDTH + 30) + "px}",
      ".meta{font-size:13px;color:#444;margin-bottom:6px}.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}",
      ".banner{padding:10px 14px;border-radius:6px;font-size:16px;display:inline-block}",
      ".yes{background:#fde7ea;color:#b00020}.no{background:#e6f4ea;color:#1b7f3b}",
      ".some{background:#fff4e0;color:#8a4b00}");
  private static final String REF_COLOR = "#4c78a8";
  private static final String CUR_COLOR = "#f58518";

  private DriftReportHtml() {}

  /**
   * Renders the page.
   *
   * @param report the report to show
   * @param reference the reference data the report was computed from (for the charts)
   * @param current the current data
   * @param title the page title, e.g. the file names compared
   * @return the HTML document
   */
  public static String toHtml(DriftReport report, Dataset reference, Dataset current, String title) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(title, "title");
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(esc(title)).append("</title><style>").append(CSS)
        .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
    String banner = report.datasetDrift() ? "yes" : report.driftedColumns() > 0 ? "some" : "no";
    h.append("<div class=\"banner ").append(banner).append("\">")
        .append(esc(DriftReportText.headline(report))).append("</div>\n<p>").append(report.driftedColumns()).append(" of ").append(report.columnsTested())
        .append(" tested columns drifted (drift share needed: ").append(DriftReportText.fmt(report.driftShare()))
        .append("; multiple-testing correction: ").append(report.correction().name().toLowerCase(Locale.ROOT))
        .append("). Reference: ").append(reference.rowCount()).append(" rows; current: ")
        .append(current.rowCount()).append(" rows.</p>\n");
    List<ColumnDrift> sorted = DriftReportText.sorted(report.columns());
    h.append("<table><tr><th>column</th><th>type</th><th>test</th><th>statistic</th><th>p-value</th>")
        .append("<th>threshold</th><th>result</th><th>missing ref / cur</th><th>notes</th></tr>\n");
    for (ColumnDrift c : sorted) {
      h.append("<tr><td><a href=\"#col-").append(anchor(c.name())).append("\">").append(esc(c.name()))
          .append("</a></td><td>").append(esc(c.type())).append("</td><td>").append(esc(c.test()))
          .append("</td><td>").append(c.status() == ColumnStatus.OK ? DriftReportText.fmt(c.statistic()) : "-")
          .append("</td><td>").append(pText(c)).append("</td><td>")
          .append(c.status() == ColumnStatus.OK ? DriftReportText.fmt(c.threshold()) : "-")
          .append("</td><td>").append(result(c)).append("</td><td>")
          .append(pct(c.referenceMissingRate())).append(" / ").append(pct(c.currentMissingRate()))
          .append(c.missingRateDrifted() ? " <span class=\"drift\">changed</span>" : "")
          .append("</td><td>").append(esc(notes(c))).append("</td></tr>\n");
    }
    h.append("</table>\n");
    for (ColumnDrift c : sorted) {
      h.append("<div class=\"card\" id=\"col-").append(anchor(c.name())).append("\"><h2>").append(esc(c.name()))
          .append(" ").append(result(c)).append("</h2><div class=\"meta\">");
      if (c.status() == ColumnStatus.OK) {
        h.append(esc(c.test())).append(" = ").append(DriftReportText.fmt(c.statistic()));
        if (c.pValue().isPresent()) {
          h.append(", p = ").append(pText(c));
        }
        h.append(", threshold ").append(DriftReportText.fmt(c.threshold()));
      } else {
        h.append("skipped: ").append(esc(c.reason().orElse("")));
      }
      h.append("</div>");
      Optional<Column> r = reference.find(c.name());
      Optional<Column> k = current.find(c.name());
      if (r.isPresent() && k.isPresent()) {
        h.append(chart(r.get(), k.get()));
      }
      h.append("</div>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String chart(Column ref, Column cur) {
    if (ref instanceof NumericColumn rn && cur instanceof NumericColumn cn) {
      return histogram(finite(rn), finite(cn));
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    if (!count(ref, counts, 0) || !count(cur, counts, 1)) {
      return "";
    }
    List<Map.Entry<String, long[]>> top = new ArrayList<>(counts.entrySet());
    top.sort((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]));
    top = top.subList(0, Math.min(MAX_CATEGORIES, top.size()));
    long rTotal = ref.size() - ref.missingCount();
    long cTotal = cur.size() - cur.missingCount();
    List<String> labels = new ArrayList<>();
    double[][] shares = new double[2][top.size()];
    for (int i = 0; i < top.size(); i++) {
      labels.add(top.get(i).getKey());
      shares[0][i] = rTotal == 0 ? 0 : (double) top.get(i).getValue()[0] / rTotal;
      shares[1][i] = cTotal == 0 ? 0 : (double) top.get(i).getValue()[1] / cTotal;
    }
    return bars(shares, labels, null, null);
  }

  private static boolean count(Column c, Map<String, long[]> counts, int side) {
    if (c instanceof CategoricalColumn cat) {
      long[] byCode = cat.categoryCounts();
      for (int code = 0; code < byCode.length; code++) {
        counts.computeIfAbsent(cat.categories().get(code), x -> new long[2])[side] += byCode[code];
      }
      return true;
    }
    if (c instanceof BooleanColumn b) {
      for (int row = 0; row < b.size(); row++) {
        if (!b.isMissing(row)) {
          counts.computeIfAbsent(Boolean.toString(b.value(row)), x -> new long[2])[side]++;
        }
      }
      return true;
    }
    return false;
  }

  private static double[] finite(NumericColumn c) {
    return java.util.Arrays.stream(c.presentValues()).filter(Double::isFinite).toArray();
  }

  private static String histogram(double[] ref, double[] cur) {
    if (ref.length == 0 && cur.length == 0) {
      return "";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] side : new double[][] {ref, cur}) {
      for (double v : side) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double width = max > min ? (max - min) / HISTOGRAM_BINS : 1;
    double[][] shares = new double[2][HISTOGRAM_BINS];
    double[][] sides = {ref, cur};
    for (int s = 0; s < 2; s++) {
      for (double v : sides[s]) {
        int bin = (int) Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width));
        shares[s][bin] += 1.0 / sides[s].length;
      }
    }
    return bars(shares, null, DriftReportText.fmt(min), DriftReportText.fmt(max));
  }

  /** Grouped bars, reference then current per slot; labels under slots, or min/max at the ends. */
  private static String bars(double[][] shares, List<String> labels, String left, String right) {
    int slots = shares[0].length;
    double top = 0;
    for (double[] side : shares) {
      for (double v : side) {
        top = Math.max(top, v);
      }
    }
    if (top == 0) {
      top = 1;
    }
    int bottom = labels == null ? 20 : 60;
    int height = HEIGHT + bottom;
    double slot = (WIDTH - 2.0 * PAD) / slots;
    StringBuilder s = new StringBuilder();
    s.append("<div class=\"legend\"><span style=\"background:").append(REF_COLOR).append("\"></span>reference")
        .append("<span style=\"background:").append(CUR_COLOR).append("\"></span>current</div>");
    s.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" role=\"img\">");
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
        PAD, HEIGHT, WIDTH - PAD, HEIGHT));
    s.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"14\" font-size=\"10\" fill=\"#666\">%.1f%%</text>", 100 * top));
    for (int i = 0; i < slots; i++) {
      for (int side = 0; side < 2; side++) {
        double h = (HEIGHT - 20) * shares[side][i] / top;
        double x = PAD + i * slot + slot * (0.1 + 0.4 * side);
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %.2f%%</title></rect>",
            x, HEIGHT - h, slot * 0.4, h, side == 0 ? REF_COLOR : CUR_COLOR,
            side == 0 ? "reference" : "current", 100 * shares[side][i]));
      }
      if (labels != null) {
        double cx = PAD + (i + 0.5) * slot;
        String label = labels.get(i).length() > 14 ? labels.get(i).substring(0, 13) + "…" : labels.get(i);
        s.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">%s</text>",
            cx, HEIGHT + 12, cx, HEIGHT + 12, esc(label)));
      }
    }
    if (labels == null) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", PAD, HEIGHT + 14, esc(left)));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          WIDTH - PAD, HEIGHT + 14, esc(right)));
    }
    return s.append("</svg>").toString();
  }

  private static String result(ColumnDrift c) {
    if (c.status() == ColumnStatus.SKIPPED) {
      return "<span class=\"skip\">skipped</span>";
    }
    return c.drifted() ? "<span class=\"drift\">drift</span>" : "<span class=\"ok\">no drift</span>";
  }

  private static String pText(ColumnDrift c) {
    if (c.pValue().isEmpty()) {
      return "-";
    }
    String p = DriftReportText.fmt(c.pValue().getAsDouble());
    return c.adjustedPValue().isPresent() ? p + " (adj. " + DriftReportText.fmt(c.adjustedPValue().getAsDouble()) + ")" : p;
  }

  private static String notes(ColumnDrift c) {
    List<String> parts = new ArrayList<>();
    c.reason().ifPresent(parts::add);
    if (!c.newCategories().isEmpty()) {
      parts.add("new categories: " + String.join(", ", c.newCategories()));
    }
    return String.join("; ", parts);
  }

  private static String pct(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  private static String anchor(String name) {
    StringBuilder sb = new StringBuilder();
    for (char ch : name.toCharArray()) {
      sb.append(Character.isLetterOrDigit(ch) ? ch : '_');
    }
    return sb.append('-').append(Integer.toHexString(name.hashCode())).toString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
