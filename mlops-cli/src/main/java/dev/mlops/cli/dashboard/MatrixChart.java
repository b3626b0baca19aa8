package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;
import static dev.mlops.cli.dashboard.Html.num;

import java.util.ArrayList;
import java.util.List;

/** Draws a confusion matrix as a shaded grid with the count in each cell. Stateless, thread-safe. */
public final class MatrixChart {
  private MatrixChart() {}

  /**
   * Draws a confusion matrix.
   *
   * @param id unique within the dashboard: lower-case letters, digits and dashes
   * @param title the caption
   * @param description the text alternative
   * @param labels the classes, in row and column order
   * @param counts {@code counts[actual][predicted]}
   * @return the chart
   */
  public static Chart confusion(String id, String title, String description, List<String> labels, long[][] counts) {
    int n = labels.size();
    if (counts.length != n) {
      throw new IllegalArgumentException("confusion matrix '" + id + "' needs " + n + " rows, was " + counts.length);
    }
    long max = 1;
    for (long[] row : counts) {
      if (row.length != n) {
        throw new IllegalArgumentException("confusion matrix '" + id + "' needs " + n + " columns, was " + row.length);
      }
      for (long c : row) {
        max = Math.max(max, c);
      }
    }
    double size = Math.min(Plot.plotHeight() + 20, 360) / n;
    double left = 200;
    double top = 30;
    StringBuilder svg = new StringBuilder("<g font-size=\"12\">\n");
    svg.append("<text x=\"").append(num(left + size * n / 2)).append("\" y=\"16\" text-anchor=\"middle\" ")
        .append("fill=\"#333\">predicted</text>\n");
    svg.append("<text x=\"").append(num(left - 90)).append("\" y=\"").append(num(top + size * n / 2))
        .append("\" text-anchor=\"middle\" fill=\"#333\">actual</text>\n");
    List<List<String>> rows = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      svg.append("<text x=\"").append(num(left - 6)).append("\" y=\"").append(num(top + size * (a + 0.5) + 4))
          .append("\" text-anchor=\"end\" fill=\"#333\">").append(escape(labels.get(a))).append("</text>\n");
      List<String> row = new ArrayList<>();
      row.add(labels.get(a));
      for (int p = 0; p < n; p++) {
        double share = (double) counts[a][p] / max;
        double x = left + size * p;
        double y = top + size * a;
        svg.append("<rect class=\"cell\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
            .append(num(size - 2)).append("\" height=\"").append(num(size - 2)).append("\" fill=\"")
            .append(Palette.BLUE).append("\" fill-opacity=\"").append(num(0.08 + 0.92 * share))
            .append("\"><title>").append(escape("actual " + labels.get(a) + ", predicted " + labels.get(p) + ": "
                + counts[a][p])).append("</title></rect>\n");
        svg.append("<text x=\"").append(num(x + size / 2)).append("\" y=\"").append(num(y + size / 2 + 5))
            .append("\" text-anchor=\"middle\" fill=\"").append(share > 0.5 ? "#fff" : "#000").append("\">")
            .append(counts[a][p]).append("</text>\n");
        row.add(Long.toString(counts[a][p]));
      }
      rows.add(row);
    }
    for (int p = 0; p < n; p++) {
      svg.append("<text x=\"").append(num(left + size * (p + 0.5))).append("\" y=\"").append(num(top + size * n + 16))
          .append("\" text-anchor=\"middle\" fill=\"#333\">").append(escape(labels.get(p))).append("</text>\n");
    }
    svg.append("</g>\n");
    List<String> columns = new ArrayList<>();
    columns.add("actual \\ predicted");
    columns.addAll(labels);
    return new Chart(id, title, description, svg.toString(), columns, rows);
  }
}
