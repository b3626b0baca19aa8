package dev.mlops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.data.Record;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.time.MlopsClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus acceptance test: a monitor's meters are exposed through a
 * {@link PrometheusMeterRegistry} scrape endpoint on 127.0.0.1 (the JDK's HTTP server), a real
 * Prometheus ({@code /usr/bin/prometheus}, Debian's package, which {@code .ci/run} installs)
 * scrapes it every second, and PromQL queries through its HTTP API return the monitor's values.
 * Skipped, with the reason printed, where the binary is absent.
 *
 * <p>Waiting for an external process to scrape is the one place this project polls: every 200 ms
 * up to a 60 s deadline.
 */
class PrometheusServerTest {
  private static final Path PROMETHEUS = Path.of(
      System.getProperty("mlops.prometheus", "/usr/bin/prometheus"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpServer server;
  private Process prometheus;

  @AfterEach
  void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void prometheusScrapesTheMonitorAndPromqlReturnsItsValues() throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      String why = "SKIPPED PrometheusServerTest: " + PROMETHEUS + " is not installed "
          + "(apt-get install prometheus; .ci/run does so where it can)";
      System.err.println(why);
      Assumptions.assumeTrue(false, why);
    }
    ModelMonitor monitor = ModelMonitor.of(new ThreeClassModel(),
        MonitorConfig.builder().window(WindowPolicy.ofCount(10)).build(), MlopsClock.system());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MonitorMeterBinder.of(monitor).bindTo(registry);
    for (int i = 0; i < 100; i++) {
      monitor.predict(Record.of(Map.of("x", i % 10 == 0 ? 2.5 : 0.5)));
    }
    for (int i = 0; i < 3; i++) {
      try {
        monitor.predict(Record.of(Collections.singletonMap("x", null)));
      } catch (RuntimeException expected) {
        // three INVALID_INPUT errors
      }
    }

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    int target = server.getAddress().getPort();
    int web = freePort();
    Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
        "global:", "  scrape_interval: 1s", "  evaluation_interval: 1s", "scrape_configs:",
        "  - job_name: mlops", "    static_configs:",
        "      - targets: ['127.0.0.1:" + target + "']", ""));
    prometheus = new ProcessBuilder(PROMETHEUS.toString(),
        "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--web.listen-address=127.0.0.1:" + web)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();

    HttpClient http = HttpClient.newHttpClient();
    JsonNode predictions = awaitQuery(http, web,
        "mlops_predictions_total{model_name=\"three\",model_version=\"v2\",arm=\"primary\"}");
    assertThat(value(predictions)).isEqualTo(103);
    assertThat(value(awaitQuery(http, web, "mlops_errors_total{kind=\"INVALID_INPUT\"}")))
        .isEqualTo(3);
    assertThat(value(awaitQuery(http, web, "mlops_output_class_total{class=\"c\"}")))
        .isEqualTo(10);
    assertThat(value(awaitQuery(http, web, "sum(mlops_output_class_total)"))).isEqualTo(100);
    assertThat(value(awaitQuery(http, web, "mlops_input_missing_total{feature=\"x\"}")))
        .isEqualTo(3);
    assertThat(value(awaitQuery(http, web, "mlops_latency_seconds_count"))).isEqualTo(103);
    monitor.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private JsonNode awaitQuery(HttpClient http, int port, String promql) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      assertThat(prometheus.isAlive()).as("prometheus is running; log: %s",
          dir.resolve("prometheus.log")).isTrue();
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        last = r.body();
        if (r.statusCode() == 200) {
          JsonNode result = JSON.readTree(r.body()).path("data").path("result");
          if (result.isArray() && result.size() > 0) {
            return result;
          }
        }
      } catch (IOException notYetListening) {
        last = notYetListening.toString();
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    throw new AssertionError("no result for " + promql + " within 60 s; last answer: " + last);
  }

  private static double value(JsonNode result) {
    assertThat(result).hasSize(1);
    return Double.parseDouble(result.get(0).path("value").get(1).asText());
  }
}
