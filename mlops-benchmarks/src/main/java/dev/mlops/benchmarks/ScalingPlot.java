package dev.mlops.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the scaling sweeps of a JMH JSON result ({@code ScalingBenchmark} run with {@code -rf
 * json}) as one log–log SVG per operation, with the least-squares slope of log time against log
 * size (the fitted exponent: 1 is linear, 0 constant), and prints a Markdown table of the
 * exponents. The output depends only on the JSON, so a committed plot is reproduced byte for byte
 * from its committed JSON. Files are written to a temporary file in the output directory, forced
 * and moved into place atomically.
 *
 * <p>Run: {@code java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.ScalingPlot
 * mlops-benchmarks/results/scaling.json docs/benchmarks}.
 *
 * <p>Stateless; {@link #main} is safe to call from any thread.
 */
public final class ScalingPlot {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 320;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private ScalingPlot() {}

  /**
   * Reads the JSON and writes {@code scaling-OPERATION.svg} per benchmark method.
   *
   * @param args the JMH JSON file and the output directory
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ScalingPlot RESULT.json OUTPUT-DIR");
    }
    Map<String, TreeMap<Long, double[]>> series = read(Path.of(args[0]));
    Path out = Files.createDirectories(Path.of(args[1]));
    System.out.println("| operation | sizes | time at smallest | time at largest"
        + " | fitted exponent, all sizes | fitted exponent, largest three |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, TreeMap<Long, double[]>> e : series.entrySet()) {
      TreeMap<Long, double[]> points = e.getValue();
      double slope = slope(points);
      double upper = slope(largest(points, 3));
      write(out.resolve("scaling-" + e.getKey() + ".svg"), svg(e.getKey(), points, slope, upper));
      System.out.printf(Locale.ROOT, "| %s | %s … %s | %s ms | %s ms | %.2f | %.2f |%n", e.getKey(),
          sizeLabel(points.firstKey()), sizeLabel(points.lastKey()),
          number(points.firstEntry().getValue()[0]), number(points.lastEntry().getValue()[0]), slope,
          upper);
    }
  }

  /** Operation name to size to {score, error}, in ms. */
  static Map<String, TreeMap<Long, double[]>> read(Path json) throws IOException {
    Map<String, TreeMap<Long, double[]>> series = new TreeMap<>();
    for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
      String name = run.get("benchmark").asText();
      String op = name.substring(name.lastIndexOf('.') + 1);
      long size = run.get("params").get("size").asLong();
      JsonNode metric = run.get("primaryMetric");
      double scale = toMillis(metric.get("scoreUnit").asText());
      double error = metric.get("scoreError").asDouble();
      series.computeIfAbsent(op, k -> new TreeMap<>()).put(size, new double[] {
          metric.get("score").asDouble() * scale, Double.isNaN(error) ? 0 : error * scale});
    }
    return series;
  }

  private static double toMillis(String unit) {
    return switch (unit) {
      case "ns/op" -> 1e-6;
      case "us/op" -> 1e-3;
      case "ms/op" -> 1;
      case "s/op" -> 1e3;
      default -> throw new IllegalArgumentException("unexpected score unit " + unit);
    };
  }

  /** The {@code count} largest sizes of a series (all of them if it has fewer). */
  static TreeMap<Long, double[]> largest(TreeMap<Long, double[]> points, int count) {
    TreeMap<Long, double[]> out = new TreeMap<>(points);
    while (out.size() > count) {
      out.pollFirstEntry();
    }
    return out;
  }

  /** Least-squares slope of log10(time) on log10(size). */
  static double slope(TreeMap<Long, double[]> points) {
    int n = points.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Map.Entry<Long, double[]> p : points.entrySet()) {
      double x = Math.log10(p.getKey());
      double y = Math.log10(p.getValue()[0]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  private static String svg(String op, TreeMap<Long, double[]> points, double slope,
      double upper) {
    double minX = Math.floor(Math.log10(points.firstKey()));
    double maxX = Math.ceil(Math.log10(points.lastKey()));
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] v : points.values()) {
      minY = Math.min(minY, Math.log10(v[0]));
      maxY = Math.max(maxY, Math.log10(v[0]));
    }
    minY = Math.floor(minY);
    maxY = Math.max(minY + 1, Math.ceil(maxY));
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s: time vs size"
        + " (log–log); fitted exponent %.2f (largest three sizes %.2f)</text>%n", 10, op, slope,
        upper));
    for (double x = minX; x <= maxX; x++) {
      double px = px(x, minX, maxX);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"#ddd\"/>%n", px, TOP, px, HEIGHT - BOTTOM));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
          + "1e%d</text>%n", px, HEIGHT - BOTTOM + 15, (int) x));
    }
    for (double y = minY; y <= maxY; y++) {
      double py = py(y, minY, maxY);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
          + " stroke=\"#ddd\"/>%n", LEFT, py, WIDTH - RIGHT, py));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">"
          + "%s ms</text>%n", LEFT - 5, py + 4, number(Math.pow(10, y))));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">size"
        + " (rows, updates or runs)</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
    StringBuilder path = new StringBuilder();
    for (Map.Entry<Long, double[]> p : points.entrySet()) {
      path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
          px(Math.log10(p.getKey()), minX, maxX), py(Math.log10(p.getValue()[0]), minY, maxY)));
    }
    s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f77b4\""
        + " stroke-width=\"2\"/>\n");
    for (Map.Entry<Long, double[]> p : points.entrySet()) {
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\""
          + " fill=\"#1f77b4\"><title>%s: %s ± %s ms</title></circle>%n",
          px(Math.log10(p.getKey()), minX, maxX), py(Math.log10(p.getValue()[0]), minY, maxY),
          sizeLabel(p.getKey()), number(p.getValue()[0]), number(p.getValue()[1])));
    }
    // the linear reference through the smallest point, for the eye
    Map.Entry<Long, double[]> first = points.firstEntry();
    double x0 = Math.log10(first.getKey());
    double y0 = Math.log10(first.getValue()[0]);
    double x1 = Math.min(Math.log10(points.lastKey()), x0 + (maxY - y0));
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"#999\" stroke-dasharray=\"4 3\"/>%n", px(x0, minX, maxX), py(y0, minY, maxY),
        px(x1, minX, maxX), py(y0 + (x1 - x0), minY, maxY)));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#999\">dashed: linear"
        + " from the smallest size</text>%n", LEFT + 5, TOP + 12));
    s.append("</svg>\n");
    return s.toString();
  }

  private static double px(double x, double min, double max) {
    return LEFT + (x - min) / (max - min) * (WIDTH - LEFT - RIGHT);
  }

  private static double py(double y, double min, double max) {
    return HEIGHT - BOTTOM - (y - min) / (max - min) * (HEIGHT - TOP - BOTTOM);
  }

  private static String sizeLabel(long size) {
    int exponent = (int) Math.round(Math.log10(size));
    return Math.pow(10, exponent) == size ? "10^" + exponent : Long.toString(size);
  }

  private static String number(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static void write(Path target, String text) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
