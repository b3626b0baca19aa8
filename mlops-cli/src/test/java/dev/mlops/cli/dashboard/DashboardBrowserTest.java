package dev.mlops.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.cli.demo.DemoRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Opens the demo's dashboard and every standalone HTML report the SDK writes in headless Debian
 * chromium, offline: fails on any console error, uncaught exception or failed resource, checks that
 * every section and chart rendered (SVG element counts, drawn size, text alternative, data table)
 * and saves full-page screenshots under {@code target/browser/}. Skips, saying so, only when no
 * chromium binary is installed ({@code .ci/run} installs Debian's {@code chromium}).
 */
class DashboardBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target", "browser");
  private static final int WIDTH = 1280;

  /** What the dashboard must show: section id to the chart ids it holds. */
  private static final Map<String, List<String>> EXPECTED = Map.of(
      "scoping", List.of(),
      "data", List.of("split-balance"),
      "labels", List.of(),
      "modeling", List.of("rule-confusion", "prioritization", "metric-curves", "model-confusion"),
      "deployment", List.of("rollout-wrong", "rollout-good"),
      "monitoring", List.of("drift-worst-area", "drift-mean-radius", "drift-mean-texture", "drift-over-time",
          "estimated-vs-realized"));

  private static HeadlessChromium browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    Optional<java.nio.file.Path> binary = HeadlessChromium.find();
    if (binary.isEmpty()) {
      System.out.println("SKIPPED DashboardBrowserTest: no chromium binary found (apt-get install chromium, or set "
          + "MLOPS_CHROMIUM)");
    }
    Assumptions.assumeTrue(binary.isPresent(), "no chromium binary found (apt-get install chromium, or set "
        + "MLOPS_CHROMIUM); the dashboard was not checked in a browser");
    Files.createDirectories(SHOTS);
    browser = HeadlessChromium.start(binary.get());
    browser.call("Runtime.enable");
    browser.call("Log.enable");
    browser.call("Network.enable");
    browser.call("Page.enable");
    browser.call("Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void dashboardRendersEverySectionAndChart() throws Exception {
    Path dashboard = DemoRuns.run("a").dir().resolve("dashboard.html");
    open(dashboard, "dashboard");
    // the README's picture: docs/images/dashboard.png is a copy of this half-scale full-page shot
    screenshot("dashboard-overview", 0.5);
    JsonNode page = JSON.readTree(browser.evaluate("""
        JSON.stringify([...document.querySelectorAll('section[data-section]')].map(s => ({
          id: s.dataset.section,
          height: s.getBoundingClientRect().height,
          tables: s.querySelectorAll(':scope > div.table table').length,
          charts: [...s.querySelectorAll('figure[data-chart]')].map(f => {
            const svg = f.querySelector('svg');
            return {
              id: f.dataset.chart,
              svgs: f.querySelectorAll('svg').length,
              shapes: svg.querySelectorAll('path, rect, circle, line').length,
              width: svg.getBoundingClientRect().width,
              height: svg.getBoundingClientRect().height,
              role: svg.getAttribute('role'),
              title: svg.querySelector(':scope > title').textContent,
              desc: svg.querySelector(':scope > desc').textContent,
              rows: f.querySelectorAll('details tbody tr').length
            };
          })
        })))
        """).asText());
    List<String> sections = new ArrayList<>();
    page.forEach(s -> sections.add(s.get("id").asText()));
    assertThat(sections).containsExactly("scoping", "data", "labels", "modeling", "deployment", "monitoring");
    for (JsonNode s : page) {
      String id = s.get("id").asText();
      assertThat(s.get("height").asDouble()).as("section %s is drawn", id).isGreaterThan(80);
      List<String> charts = new ArrayList<>();
      for (JsonNode c : s.get("charts")) {
        String chart = c.get("id").asText();
        charts.add(chart);
        assertThat(c.get("svgs").asInt()).as("%s: one svg", chart).isEqualTo(1);
        assertThat(c.get("shapes").asInt()).as("%s: drawn elements", chart).isGreaterThanOrEqualTo(4);
        assertThat(c.get("width").asDouble()).as("%s: rendered width", chart).isGreaterThan(300);
        assertThat(c.get("height").asDouble()).as("%s: rendered height", chart).isGreaterThan(100);
        assertThat(c.get("role").asText()).isEqualTo("img");
        assertThat(c.get("title").asText()).as("%s: title", chart).isNotBlank();
        assertThat(c.get("desc").asText()).as("%s: text alternative", chart).hasSizeGreaterThan(40);
        assertThat(c.get("rows").asInt()).as("%s: data table rows", chart).isPositive();
      }
      assertThat(charts).as("charts of section %s", id).containsExactlyElementsOf(EXPECTED.get(id));
      if (charts.isEmpty()) {
        assertThat(s.get("tables").asInt()).as("section %s without charts has tables", id).isPositive();
      }
    }
  }

  @Test
  void driftReportRendersAHistogramPerColumn() throws Exception {
    Path demo = DemoRuns.run("a").dir();
    open(demo.resolve("drift-report.html"), "drift-report");
    JsonNode svgs = JSON.readTree(browser.evaluate(
        "JSON.stringify([...document.querySelectorAll('svg')].map(s => ({rects: s.querySelectorAll('rect').length, "
            + "width: s.getBoundingClientRect().width})))").asText());
    int columns = JSON.readTree(demo.resolve("drift.json").toFile()).get("columns").size();
    assertThat(svgs.size()).as("one histogram per column").isEqualTo(columns);
    for (JsonNode s : svgs) {
      assertThat(s.get("rects").asInt()).isPositive();
      assertThat(s.get("width").asDouble()).isGreaterThan(300);
    }
  }

  @Test
  void evaluationReportRenders() throws Exception {
    Path data = DemoRuns.run("a").dir().resolve("retraining-data.csv");
    StringWriter out = new StringWriter();
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("evaluate", "--predictions", data.toString(), "--label", "label", "--prediction",
        "prediction_label", "--score", "probability_churn", "--positive", "churn", "--format", "html")).isZero();
    Path report = SHOTS.resolve("evaluation.html");
    Files.writeString(report, out.toString());
    open(report, "evaluation");
    assertThat(browser.evaluate("document.body.innerText").asText()).contains("accuracy").contains("roc_auc");
  }

  /** Loads a file, fails on any error the page reported, and saves a full-page screenshot. */
  private static void open(Path file, String name) throws IOException, InterruptedException {
    browser.clearEvents();
    browser.call("Page.navigate", Map.of("url", file.toAbsolutePath().toUri().toString()));
    browser.awaitEvent("Page.loadEventFired");
    List<String> errors = new ArrayList<>();
    for (JsonNode e : browser.events()) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      boolean error = switch (method) {
        case "Runtime.exceptionThrown", "Network.loadingFailed" -> true;
        case "Runtime.consoleAPICalled" -> List.of("error", "assert").contains(p.path("type").asText());
        case "Log.entryAdded" -> "error".equals(p.path("entry").path("level").asText());
        default -> false;
      };
      if (error) {
        errors.add(method + " " + p);
      }
    }
    assertThat(errors).as("errors while loading %s", file).isEmpty();
    screenshot(name, 1);
  }

  private static void screenshot(String name, double scale) throws IOException {
    int height = browser.evaluate("document.documentElement.scrollHeight").asInt();
    JsonNode shot = browser.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", scale)));
    byte[] png = Base64.getDecoder().decode(shot.get("data").asText());
    assertThat(png).hasSizeGreaterThan(1000);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }
}
