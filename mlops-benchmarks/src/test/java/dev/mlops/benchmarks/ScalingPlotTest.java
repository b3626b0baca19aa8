package dev.mlops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingPlotTest {
  @TempDir Path dir;

  /** A JMH-shaped result: {@code op} taking {@code c * size^exponent} in the given unit. */
  private static String run(String op, long size, double score, String unit) {
    return String.format(Locale.ROOT, "{\"benchmark\":\"dev.mlops.benchmarks.scaling.ScalingBenchmark.%s\","
        + "\"params\":{\"size\":\"%d\"},\"primaryMetric\":{\"score\":%s,\"scoreError\":%s,"
        + "\"scoreUnit\":\"%s\"}}", op, size, score, score / 10, unit);
  }

  private Path json() throws IOException {
    StringBuilder s = new StringBuilder("[");
    for (long size = 1000; size <= 1_000_000; size *= 10) {
      s.append(run("linear", size, size * 2e-3, "us/op")).append(',');
      s.append(run("constant", size, 0.5, "ms/op")).append(',');
      s.append(run("quadratic", size, 1e-9 * size * size, "ms/op")).append(',');
    }
    s.setCharAt(s.length() - 1, ']');
    return Files.writeString(dir.resolve("scaling.json"), s);
  }

  @Test
  void fitsTheExponentOfEachSeries() throws IOException {
    Map<String, TreeMap<Long, double[]>> series = ScalingPlot.read(json());

    assertThat(series).containsOnlyKeys("linear", "constant", "quadratic");
    assertThat(ScalingPlot.slope(series.get("linear"))).isCloseTo(1.0, within(1e-9));
    assertThat(ScalingPlot.slope(series.get("constant"))).isCloseTo(0.0, within(1e-9));
    assertThat(ScalingPlot.slope(series.get("quadratic"))).isCloseTo(2.0, within(1e-9));
    // microseconds are converted to milliseconds: 2 ns per element at 10^6 elements = 2 ms
    assertThat(series.get("linear").get(1_000_000L)[0]).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void largestKeepsTheBiggestSizes() throws IOException {
    TreeMap<Long, double[]> linear = ScalingPlot.read(json()).get("linear");

    assertThat(ScalingPlot.largest(linear, 3).keySet()).containsExactly(10_000L, 100_000L, 1_000_000L);
    assertThat(ScalingPlot.largest(linear, 10)).hasSize(4);
  }

  @Test
  void writesTheSameSvgBytesForTheSameJson() throws IOException {
    Path input = json();
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    ScalingPlot.main(new String[] {input.toString(), first.toString()});
    ScalingPlot.main(new String[] {input.toString(), second.toString()});

    String svg = Files.readString(first.resolve("scaling-quadratic.svg"), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("fitted exponent 2.00").endsWith("</svg>\n");
    for (String op : new String[] {"linear", "constant", "quadratic"}) {
      assertThat(Files.readAllBytes(second.resolve("scaling-" + op + ".svg")))
          .isEqualTo(Files.readAllBytes(first.resolve("scaling-" + op + ".svg")));
    }
    try (var files = Files.list(first)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("scaling-linear.svg", "scaling-constant.svg", "scaling-quadratic.svg");
    }
  }

  @Test
  void rejectsAnUnknownScoreUnit() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "[" + run("x", 1000, 1, "ops/s") + "]");

    assertThatThrownBy(() -> ScalingPlot.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unexpected score unit ops/s");
  }
}
