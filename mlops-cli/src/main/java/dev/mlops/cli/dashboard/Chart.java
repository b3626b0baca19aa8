package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;

import java.util.List;
import java.util.Objects;

/**
 * A rendered chart: inline SVG with its text alternative ({@code role="img"}, {@code <title>},
 * {@code <desc>}) and the data behind it as a table in a {@code <details>} element. Immutable and
 * thread-safe.
 *
 * @param id unique within the dashboard; letters, digits and dashes
 * @param title the caption
 * @param description one or two sentences saying what the chart shows (the text alternative)
 * @param svgBody the SVG elements, already escaped
 * @param columns the data table's header
 * @param rows the data table's rows, unescaped text
 */
public record Chart(String id, String title, String description, String svgBody, List<String> columns,
    List<List<String>> rows) {
  /** Chart width in SVG user units. */
  static final int WIDTH = 640;
  /** Chart height in SVG user units. */
  static final int HEIGHT = 260;

  /** Checks the id and copies the lists. */
  public Chart {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("chart id must be lower-case letters, digits and dashes, was '" + id + "'");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(svgBody, "svgBody");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Returns the chart as an HTML {@code <figure>}. */
  String html() {
    StringBuilder b = new StringBuilder();
    String t = escape(id) + "-title";
    String d = escape(id) + "-desc";
    b.append("<figure class=\"chart\" id=\"chart-").append(escape(id)).append("\" data-chart=\"")
        .append(escape(id)).append("\">\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" aria-labelledby=\"").append(t).append(' ').append(d).append("\">\n");
    b.append("<title id=\"").append(t).append("\">").append(escape(title)).append("</title>\n");
    b.append("<desc id=\"").append(d).append("\">").append(escape(description)).append("</desc>\n");
    b.append(svgBody);
    b.append("</svg>\n");
    b.append("<figcaption>").append(escape(title)).append(" <span class=\"desc\">").append(escape(description))
        .append("</span></figcaption>\n");
    b.append("<details><summary>Data table</summary>\n");
    b.append(Dashboard.table(columns, rows));
    b.append("</details>\n</figure>\n");
    return b.toString();
  }
}
