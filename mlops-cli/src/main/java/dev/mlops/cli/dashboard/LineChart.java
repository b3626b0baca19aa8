package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;
import static dev.mlops.cli.dashboard.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a line chart: series over a numeric x axis, optional shaded bands (e.g. a confidence
 * band), horizontal threshold lines and vertical event markers (alerts, gate verdicts). Builders
 * are not thread-safe; the built {@link Chart} is immutable.
 */
public final class LineChart {
  /** What a vertical marker stands for; each kind has its own colour and shape. */
  public enum Mark {
    /** An alert or failure: vermillion triangle. */
    ALERT(Palette.VERMILLION),
    /** A passed check: bluish-green circle. */
    PASS(Palette.BLUISH_GREEN),
    /** Neither: grey square. */
    INFO(Palette.GREY);

    private final String colour;

    Mark(String colour) {
      this.colour = colour;
    }
  }

  private record Series(String name, double[] x, double[] y, boolean step) {}

  private record Band(String name, double[] x, double[] lower, double[] upper) {}

  private record Marker(double x, String label, Mark mark) {}

  private record Threshold(double y, String label) {}

  private final String id;
  private final String title;
  private String description = "";
  private String xLabel = "";
  private String yLabel = "";
  private Double yLow;
  private Double yHigh;
  private final List<Series> series = new ArrayList<>();
  private final List<Band> bands = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private final List<Threshold> thresholds = new ArrayList<>();

  private LineChart(String id, String title) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * Starts a chart.
   *
   * @param id unique within the dashboard: lower-case letters, digits and dashes
   * @param title the caption
   * @return a builder
   */
  public static LineChart builder(String id, String title) {
    return new LineChart(id, title);
  }

  /** Sets the text alternative: what the chart shows, in words. */
  public LineChart description(String text) {
    this.description = Objects.requireNonNull(text, "text");
    return this;
  }

  /** Sets the axis titles. */
  public LineChart axes(String x, String y) {
    this.xLabel = Objects.requireNonNull(x, "x");
    this.yLabel = Objects.requireNonNull(y, "y");
    return this;
  }

  /** Fixes the y range instead of fitting it to the data. */
  public LineChart yRange(double low, double high) {
    this.yLow = low;
    this.yHigh = high;
    return this;
  }

  /** Adds a series drawn as straight segments between points. */
  public LineChart series(String name, double[] x, double[] y) {
    return add(name, x, y, false);
  }

  /** Adds a series drawn as a step function (the value holds until the next point). */
  public LineChart steps(String name, double[] x, double[] y) {
    return add(name, x, y, true);
  }

  private LineChart add(String name, double[] x, double[] y, boolean step) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("series '" + name + "' needs as many x as y values, at least one; was "
          + x.length + " x and " + y.length + " y");
    }
    series.add(new Series(name, x.clone(), y.clone(), step));
    return this;
  }

  /** Adds a shaded band between {@code lower} and {@code upper}. */
  public LineChart band(String name, double[] x, double[] lower, double[] upper) {
    if (x.length != lower.length || x.length != upper.length) {
      throw new IllegalArgumentException("band '" + name + "' needs equal lengths, was " + x.length + ", "
          + lower.length + ", " + upper.length);
    }
    bands.add(new Band(name, x.clone(), lower.clone(), upper.clone()));
    return this;
  }

  /** Adds a vertical marker at {@code x}, e.g. an alert. */
  public LineChart marker(double x, String label, Mark mark) {
    markers.add(new Marker(x, Objects.requireNonNull(label, "label"), Objects.requireNonNull(mark, "mark")));
    return this;
  }

  /** Adds a dashed horizontal line at {@code y}, e.g. an alert threshold. */
  public LineChart threshold(double y, String label) {
    thresholds.add(new Threshold(y, Objects.requireNonNull(label, "label")));
    return this;
  }

  /** Draws the chart. */
  public Chart build() {
    if (series.isEmpty()) {
      throw new IllegalStateException("line chart '" + id + "' has no series");
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        xMin = Math.min(xMin, s.x[i]);
        xMax = Math.max(xMax, s.x[i]);
        yMin = Math.min(yMin, s.y[i]);
        yMax = Math.max(yMax, s.y[i]);
      }
    }
    for (Band b : bands) {
      for (int i = 0; i < b.x.length; i++) {
        yMin = Math.min(yMin, b.lower[i]);
        yMax = Math.max(yMax, b.upper[i]);
      }
    }
    for (Threshold t : thresholds) {
      yMin = Math.min(yMin, t.y);
      yMax = Math.max(yMax, t.y);
    }
    for (Marker m : markers) {
      xMin = Math.min(xMin, m.x);
      xMax = Math.max(xMax, m.x);
    }
    Plot plot = new Plot(xMin, xMax, yLow != null ? yLow : yMin, yHigh != null ? yHigh : yMax, true);
    plot.axes(xLabel, yLabel, true);
    StringBuilder svg = plot.svg;
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int k = 0; k < bands.size(); k++) {
      Band b = bands.get(k);
      StringBuilder d = new StringBuilder("M");
      for (int i = 0; i < b.x.length; i++) {
        d.append(i == 0 ? "" : " L").append(num(plot.x(b.x[i]))).append(',').append(num(plot.y(b.upper[i])));
      }
      for (int i = b.x.length - 1; i >= 0; i--) {
        d.append(" L").append(num(plot.x(b.x[i]))).append(',').append(num(plot.y(b.lower[i])));
      }
      d.append(" Z");
      svg.append("<path class=\"band\" d=\"").append(d).append("\" fill=\"").append(Palette.SKY_BLUE)
          .append("\" fill-opacity=\"0.3\" stroke=\"none\"><title>").append(escape(b.name)).append("</title></path>\n");
      names.add(b.name);
      colours.add(Palette.SKY_BLUE);
    }
    for (Threshold t : thresholds) {
      svg.append("<line class=\"threshold\" x1=\"").append(Plot.LEFT).append("\" x2=\"")
          .append(num(Plot.LEFT + Plot.plotWidth())).append("\" y1=\"").append(num(plot.y(t.y))).append("\" y2=\"")
          .append(num(plot.y(t.y))).append("\" stroke=\"").append(Palette.BLACK)
          .append("\" stroke-dasharray=\"6 4\"><title>").append(escape(t.label)).append("</title></line>\n");
    }
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String colour = Palette.series(k);
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < s.x.length; i++) {
        if (i == 0) {
          d.append('M');
        } else if (s.step) {
          d.append(" L").append(num(plot.x(s.x[i]))).append(',').append(num(plot.y(s.y[i - 1]))).append(" L");
        } else {
          d.append(" L");
        }
        d.append(num(plot.x(s.x[i]))).append(',').append(num(plot.y(s.y[i])));
      }
      String dash = k % 2 == 1 ? "\" stroke-dasharray=\"5 3" : "";
      svg.append("<path class=\"series\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"2").append(dash).append("\"><title>").append(escape(s.name))
          .append("</title></path>\n");
      if (s.x.length <= 40 && !s.step) {
        for (int i = 0; i < s.x.length; i++) {
          svg.append("<circle cx=\"").append(num(plot.x(s.x[i]))).append("\" cy=\"").append(num(plot.y(s.y[i])))
              .append("\" r=\"2.5\" fill=\"").append(colour).append("\"/>\n");
        }
      }
      names.add(s.name);
      colours.add(colour);
    }
    for (Marker m : markers) {
      double xx = plot.x(m.x);
      svg.append("<g class=\"marker\"><title>").append(escape(m.label)).append("</title>");
      svg.append("<line x1=\"").append(num(xx)).append("\" x2=\"").append(num(xx)).append("\" y1=\"")
          .append(Plot.TOP).append("\" y2=\"").append(num(Plot.TOP + Plot.plotHeight())).append("\" stroke=\"")
          .append(m.mark.colour).append("\" stroke-dasharray=\"2 3\"/>");
      double top = Plot.TOP + 2;
      switch (m.mark) {
        case ALERT -> svg.append("<path d=\"M").append(num(xx - 6)).append(',').append(num(top)).append(" L")
            .append(num(xx + 6)).append(',').append(num(top)).append(" L").append(num(xx)).append(',')
            .append(num(top + 10)).append(" Z\" fill=\"").append(m.mark.colour).append("\"/>");
        case PASS -> svg.append("<circle cx=\"").append(num(xx)).append("\" cy=\"").append(num(top + 5))
            .append("\" r=\"5\" fill=\"").append(m.mark.colour).append("\"/>");
        case INFO -> svg.append("<rect x=\"").append(num(xx - 4)).append("\" y=\"").append(num(top + 1))
            .append("\" width=\"8\" height=\"8\" fill=\"").append(m.mark.colour).append("\"/>");
      }
      svg.append("</g>\n");
    }
    plot.legend(names, colours);

    List<List<String>> rows = new ArrayList<>();
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        rows.add(List.of(s.name, Html.value(s.x[i]), Html.value(s.y[i])));
      }
    }
    for (Band b : bands) {
      for (int i = 0; i < b.x.length; i++) {
        rows.add(List.of(b.name, Html.value(b.x[i]), Html.value(b.lower[i]) + " to " + Html.value(b.upper[i])));
      }
    }
    for (Threshold t : thresholds) {
      rows.add(List.of(t.label, "all", Html.value(t.y)));
    }
    for (Marker m : markers) {
      rows.add(List.of(m.mark.name().toLowerCase(java.util.Locale.ROOT) + ": " + m.label, Html.value(m.x), ""));
    }
    return new Chart(id, title, description, svg.toString(), List.of("series", xLabel, yLabel), rows);
  }
}
