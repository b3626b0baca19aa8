package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;
import static dev.mlops.cli.dashboard.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a grouped bar chart: one group per category, one bar per series (e.g. reference and
 * current share per histogram bin). Builders are not thread-safe; the built {@link Chart} is
 * immutable.
 */
public final class BarChart {
  private record Series(String name, double[] values) {}

  private final String id;
  private final String title;
  private final List<String> categories;
  private String description = "";
  private String xLabel = "";
  private String yLabel = "";
  private final List<Series> series = new ArrayList<>();

  private BarChart(String id, String title, List<String> categories) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.categories = List.copyOf(categories);
    if (this.categories.isEmpty()) {
      throw new IllegalArgumentException("bar chart '" + id + "' needs at least one category");
    }
  }

  /**
   * Starts a chart.
   *
   * @param id unique within the dashboard: lower-case letters, digits and dashes
   * @param title the caption
   * @param categories the groups along the x axis, in order
   * @return a builder
   */
  public static BarChart builder(String id, String title, List<String> categories) {
    return new BarChart(id, title, categories);
  }

  /** Sets the text alternative: what the chart shows, in words. */
  public BarChart description(String text) {
    this.description = Objects.requireNonNull(text, "text");
    return this;
  }

  /** Sets the axis titles. */
  public BarChart axes(String x, String y) {
    this.xLabel = Objects.requireNonNull(x, "x");
    this.yLabel = Objects.requireNonNull(y, "y");
    return this;
  }

  /** Adds a series: one value per category. */
  public BarChart series(String name, double[] values) {
    if (values.length != categories.size()) {
      throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values; expected one per "
          + "category (" + categories.size() + ")");
    }
    series.add(new Series(name, values.clone()));
    return this;
  }

  /** Draws the chart. */
  public Chart build() {
    if (series.isEmpty()) {
      throw new IllegalStateException("bar chart '" + id + "' has no series");
    }
    double yMin = 0;
    double yMax = 0;
    for (Series s : series) {
      for (double v : s.values) {
        yMin = Math.min(yMin, v);
        yMax = Math.max(yMax, v);
      }
    }
    Plot plot = new Plot(0, categories.size(), yMin, yMax, false);
    plot.axes(xLabel, yLabel, false);
    StringBuilder svg = plot.svg;
    double group = Plot.plotWidth() / categories.size();
    double bar = group * 0.8 / series.size();
    int labelEvery = Math.max(1, (int) Math.ceil(categories.size() / 12.0));
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String colour = Palette.series(k);
      for (int c = 0; c < categories.size(); c++) {
        double x = plot.x(c) + group * 0.1 + bar * k;
        double top = plot.y(Math.max(0, s.values[c]));
        double bottom = plot.y(Math.min(0, s.values[c]));
        svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"").append(num(top))
            .append("\" width=\"").append(num(bar)).append("\" height=\"").append(num(Math.max(0.5, bottom - top)))
            .append("\" fill=\"").append(colour).append("\"><title>").append(escape(s.name + ", "
                + categories.get(c) + ": " + Html.value(s.values[c]))).append("</title></rect>\n");
      }
      names.add(s.name);
      colours.add(colour);
    }
    svg.append("<g font-size=\"10\" fill=\"#333\">\n");
    for (int c = 0; c < categories.size(); c += labelEvery) {
      svg.append("<text x=\"").append(num(plot.x(c + 0.5))).append("\" y=\"")
          .append(num(Plot.TOP + Plot.plotHeight() + 14)).append("\" text-anchor=\"middle\">")
          .append(escape(categories.get(c))).append("</text>\n");
    }
    svg.append("</g>\n");
    plot.legend(names, colours);

    List<String> columns = new ArrayList<>();
    columns.add(xLabel);
    series.forEach(s -> columns.add(s.name));
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      List<String> row = new ArrayList<>();
      row.add(categories.get(c));
      for (Series s : series) {
        row.add(Html.value(s.values[c]));
      }
      rows.add(row);
    }
    return new Chart(id, title, description, svg.toString(), columns, rows);
  }
}
