package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;
import static dev.mlops.cli.dashboard.Html.num;

/**
 * The plot area of a chart with linear axes: maps data to SVG coordinates and draws axes, ticks
 * and labels. Not thread-safe; one per chart being drawn.
 */
final class Plot {
  static final int LEFT = 62;
  static final int RIGHT = 16;
  static final int TOP = 14;
  static final int BOTTOM = 58;
  private static final int TICKS = 5;

  private final double xMin;
  private final double xMax;
  private final double xStep;
  private final double yMin;
  private final double yMax;
  private final double yStep;
  final StringBuilder svg = new StringBuilder();

  /**
   * Fits both ranges out to "nice" tick steps (1, 2 or 5 times a power of ten) unless
   * {@code niceX} is false, in which case x keeps its range (bar charts index categories).
   */
  Plot(double xMin, double xMax, double yMin, double yMax, boolean niceX) {
    double[] x = niceX ? nice(xMin, xMax) : new double[] {xMin, xMax == xMin ? xMin + 1 : xMax, 1};
    double[] y = nice(yMin, yMax);
    this.xMin = x[0];
    this.xMax = x[1];
    this.xStep = x[2];
    this.yMin = y[0];
    this.yMax = y[1];
    this.yStep = y[2];
  }

  /** Returns {low, high, step}: the range widened to whole multiples of a nice step. */
  static double[] nice(double min, double max) {
    if (!(max > min)) {
      max = min + 1;
    }
    double raw = (max - min) / TICKS;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      step = m * magnitude;
      if (step >= raw) {
        break;
      }
    }
    double low = Math.floor(min / step + 1e-9) * step;
    double high = Math.ceil(max / step - 1e-9) * step;
    return new double[] {low, high, step};
  }

  static double plotWidth() {
    return Chart.WIDTH - LEFT - RIGHT;
  }

  static double plotHeight() {
    return Chart.HEIGHT - TOP - BOTTOM;
  }

  double x(double v) {
    return LEFT + (v - xMin) / (xMax - xMin) * plotWidth();
  }

  double y(double v) {
    double clamped = Math.max(yMin, Math.min(yMax, v));
    return TOP + (1 - (clamped - yMin) / (yMax - yMin)) * plotHeight();
  }

  /** Draws the frame, y ticks with grid lines and both axis titles; x ticks if {@code xTicks}. */
  void axes(String xLabel, String yLabel, boolean xTicks) {
    svg.append("<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n");
    int yTicks = (int) Math.round((yMax - yMin) / yStep);
    for (int i = 0; i <= yTicks; i++) {
      double v = yMin + yStep * i;
      double yy = y(v);
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(num(LEFT + plotWidth())).append("\" y1=\"")
          .append(num(yy)).append("\" y2=\"").append(num(yy)).append("\" stroke=\"#ddd\"/>\n");
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(yy + 4))
          .append("\" text-anchor=\"end\">").append(escape(Html.value(round(v)))).append("</text>\n");
    }
    if (xTicks) {
      int xCount = (int) Math.round((xMax - xMin) / xStep);
      for (int i = 0; i <= xCount; i++) {
        double v = xMin + xStep * i;
        svg.append("<text x=\"").append(num(x(v))).append("\" y=\"").append(num(TOP + plotHeight() + 16))
            .append("\" text-anchor=\"middle\">").append(escape(Html.value(round(v)))).append("</text>\n");
      }
    }
    svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
        .append("\" y2=\"").append(num(TOP + plotHeight())).append("\" stroke=\"#333\"/>\n");
    svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(num(LEFT + plotWidth())).append("\" y1=\"")
        .append(num(TOP + plotHeight())).append("\" y2=\"").append(num(TOP + plotHeight()))
        .append("\" stroke=\"#333\"/>\n");
    svg.append("<text x=\"").append(num(LEFT + plotWidth() / 2)).append("\" y=\"")
        .append(num(TOP + plotHeight() + 32)).append("\" text-anchor=\"middle\">").append(escape(xLabel))
        .append("</text>\n");
    svg.append("<text transform=\"rotate(-90)\" x=\"").append(num(-(TOP + plotHeight() / 2))).append("\" y=\"14\" ")
        .append("text-anchor=\"middle\">").append(escape(yLabel)).append("</text>\n");
    svg.append("</g>\n");
  }

  /** Draws a legend row under the x axis title: a swatch and a name per entry. */
  void legend(java.util.List<String> names, java.util.List<String> colours) {
    double at = LEFT;
    double yy = Chart.HEIGHT - 10;
    svg.append("<g class=\"legend\" font-size=\"11\" fill=\"#333\">\n");
    for (int i = 0; i < names.size(); i++) {
      svg.append("<rect x=\"").append(num(at)).append("\" y=\"").append(num(yy - 9)).append("\" width=\"10\" ")
          .append("height=\"10\" fill=\"").append(colours.get(i)).append("\"/>\n");
      svg.append("<text x=\"").append(num(at + 14)).append("\" y=\"").append(num(yy)).append("\">")
          .append(escape(names.get(i))).append("</text>\n");
      at += 24 + 6.5 * names.get(i).length();
    }
    svg.append("</g>\n");
  }

  /** Rounds a tick value to four significant digits so ticks read 0.25, not 0.2500000001. */
  private static double round(double v) {
    if (v == 0) {
      return 0;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }
}
