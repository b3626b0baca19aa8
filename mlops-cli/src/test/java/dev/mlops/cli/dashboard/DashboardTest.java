package dev.mlops.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {
  private static final String EVIL = "<script>alert('x')</script> & \"q\"";

  private static Dashboard sample(String text) {
    Dashboard d = new Dashboard("t " + text, "s");
    d.section("data", "Data " + text)
        .text(text)
        .table(List.of("col " + text), List.of(List.of(text)))
        .chart(BarChart.builder("bars", "Bars " + text, List.of("a " + text, "b"))
            .axes("x " + text, "y").description("d " + text).series("s " + text, new double[] {1, 2}).build());
    d.section("monitoring", "Monitoring")
        .chart(LineChart.builder("lines", "Lines " + text).axes("x", "y").description("d")
            .series("s", new double[] {0, 1, 2}, new double[] {0.5, 0.25, 1})
            .band("b", new double[] {0, 1, 2}, new double[] {0, 0, 0.5}, new double[] {1, 1, 1.5})
            .marker(1, "alert " + text, LineChart.Mark.ALERT).threshold(0.75, "t " + text).build())
        .chart(MatrixChart.confusion("cm", "CM", "d", List.of("no " + text, "yes"), new long[][] {{5, 1}, {2, 7}}));
    return d;
  }

  @Test
  void escapesEveryStringPutIntoThePage() {
    String html = sample(EVIL).render();
    assertThat(html).doesNotContain("<script").doesNotContain("alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void isSelfContainedAndTheSameForTheSameContent() {
    String html = sample("x").render();
    assertThat(html).isEqualTo(sample("x").render())
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
        .doesNotContainPattern("(src|href)=\"(https?:)?//")
        .contains("<section id=\"data\" data-section=\"data\"")
        .contains("<figure class=\"chart\" id=\"chart-lines\" data-chart=\"lines\">")
        .contains("role=\"img\"").contains("<title id=\"cm-title\">CM</title>")
        .contains("<summary>Data table</summary>");
  }

  @Test
  void listsSectionsAndChartsInPageOrder() {
    Dashboard d = sample("x");
    d.section("data", "ignored: the section exists").text("more");
    assertThat(d.sectionIds()).containsExactly("data", "monitoring");
    assertThat(d.chartIds()).containsExactly("bars", "lines", "cm");
  }

  @Test
  void chartsUseTheOkabeItoPaletteAndCarryTheirDataAsATable() {
    Chart c = BarChart.builder("b", "B", List.of("p", "q")).series("one", new double[] {1, 2})
        .series("two", new double[] {3, 0.125}).build();
    assertThat(c.svgBody()).contains("fill=\"#0072B2\"").contains("fill=\"#E69F00\"");
    assertThat(c.columns()).containsExactly("", "one", "two");
    assertThat(c.rows()).containsExactly(List.of("p", "1", "3"), List.of("q", "2", "0.125"));
  }

  @Test
  void ticksAreRoundNumbers() {
    assertThat(Plot.nice(0.6392, 0.9825)).containsExactly(new double[] {0.6, 1.0, 0.1}, within(1e-12));
    assertThat(Plot.nice(0, 2796)).containsExactly(new double[] {0, 3000, 1000}, within(1e-12));
    assertThat(Html.value(0.30000000000000004)).isEqualTo("0.3");
    assertThat(Html.value(9.941e-55)).isEqualTo("9.941e-55");
  }

  @Test
  void badInputGetsAClearError() {
    assertThatThrownBy(() -> new Dashboard("t", "s").section("Not An Id", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("section id must be lower-case letters, digits and dashes, was 'Not An Id'");
    assertThatThrownBy(() -> BarChart.builder("b", "B", List.of("p", "q")).series("one", new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 'one' has 1 values; expected one per category (2)");
    assertThatThrownBy(() -> LineChart.builder("l", "L").series("s", new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 's' needs as many x as y values, at least one; was 2 x and 1 y");
    assertThatThrownBy(() -> LineChart.builder("l", "L").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("line chart 'l' has no series");
    assertThatThrownBy(() -> MatrixChart.confusion("m", "M", "d", List.of("a", "b"), new long[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("confusion matrix 'm' needs 2 rows, was 1");
  }
}
