package dev.mlops.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample over real HTTP: scores through the canary, reads {@code /actuator/mlops} and
 * {@code /actuator/prometheus}, promotes and aborts through the actuator, then shifts the
 * traffic until the drift alert shows in the health and the meters. The steps share one
 * application and run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Random TRAFFIC = new Random(7);
  private static final Map<Arm, Integer> ARMS = new EnumMap<>(Arm.class);
  private static int requests;

  enum Arm { PRIMARY, CANDIDATE }

  @LocalServerPort int port;

  @DynamicPropertySource
  static void models(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("mlops-sample");
    SampleModels.writeIfAbsent(dir);
    registry.add("sample.models", dir::toString);
  }

  @Test
  @Order(1)
  void scoresThroughTheCanaryAndMovesPastTheFirstGate() throws Exception {
    for (int i = 0; i < 400; i++) {
      JsonNode answer = score(TRAFFIC.nextGaussian(), TRAFFIC.nextGaussian());
      assertThat(answer.get("failure").isNull()).isTrue();
      assertThat(answer.get("label").asText()).isIn("ok", "fraud");
      assertThat(answer.get("model").asText())
          .isEqualTo(answer.get("arm").asText().equals("primary") ? "fraud-v1" : "fraud-v2");
    }
    // 20 % of the users go to fraud-v2 until 50 of its requests pass the gates, then 50 %
    assertThat(ARMS.get(Arm.CANDIDATE)).isBetween(100, 220);

    JsonNode mlops = get("/actuator/mlops", 200);
    assertThat(mlops.at("/models/fraud-v1/version").asText()).isEqualTo("1");
    assertThat(mlops.at("/models/fraud-v2/version").asText()).isEqualTo("2");
    assertThat(mlops.at("/models/fraud-v1/monitor/predictions").asLong()
        + mlops.at("/models/fraud-v2/monitor/predictions").asLong()).isEqualTo(400);
    assertThat(mlops.at("/models/fraud-v2/monitor/arm").asText()).isEqualTo("candidate");
    assertThat(mlops.at("/models/fraud-v1/activeAlerts").size()).isZero();
    assertThat(mlops.at("/rollout/state").asText()).isEqualTo("RUNNING");
    assertThat(mlops.at("/rollout/step").asInt()).isEqualTo(1);
    assertThat(mlops.at("/rollout/weightBps").asInt()).isEqualTo(5000);
    assertThat(mlops.at("/rollout/lastGates/overall").asText()).isEqualTo("PASS");
    assertThat(mlops.at("/rollout/lastGates/verdicts/0/metric").asText()).isEqualTo("error.rate");
    assertThat(mlops.at("/rollout/lastGates/verdicts/0/samples").asLong()).isEqualTo(50);
  }

  @Test
  @Order(2)
  void prometheusHasTheMetersOfBothArms() throws Exception {
    String scrape = text("/actuator/prometheus", 200);
    assertThat(counter(scrape, "mlops_predictions_total", "primary", "fraud-v1", "1"))
        .isEqualTo((double) ARMS.get(Arm.PRIMARY));
    assertThat(counter(scrape, "mlops_predictions_total", "candidate", "fraud-v2", "2"))
        .isEqualTo((double) ARMS.get(Arm.CANDIDATE));
    assertThat(counter(scrape, "mlops_latency_seconds_count", "primary", "fraud-v1", "1"))
        .isEqualTo((double) ARMS.get(Arm.PRIMARY));
    assertThat(scrape).contains("mlops_drift_score{").contains("feature=\"amount\"");
  }

  @Test
  @Order(3)
  void promotesAndAbortsThroughTheActuator() throws Exception {
    JsonNode promoted = post("/actuator/mlops/promote", "{\"reason\": \"looks good\"}", 200);
    assertThat(promoted.get("step").asInt()).isEqualTo(2);
    assertThat(promoted.get("weightBps").asInt()).isEqualTo(8000);
    assertThat(promoted.get("reason").asText()).contains("looks good");

    JsonNode aborted = post("/actuator/mlops/abort", "{\"reason\": \"fraud team veto\"}", 200);
    assertThat(aborted.get("state").asText()).isEqualTo("ABORTED");
    assertThat(get("/actuator/mlops", 200).at("/rollout/state").asText()).isEqualTo("ABORTED");

    // the reason is in the response only where server.error.include-message allows it
    assertThat(post("/actuator/mlops/promote", "{}", 400).get("status").asInt()).isEqualTo(400);
    assertThat(get("/actuator/mlops", 200).at("/rollout/state").asText()).isEqualTo("ABORTED");

    for (int i = 0; i < 50; i++) {
      assertThat(score(TRAFFIC.nextGaussian(), TRAFFIC.nextGaussian()).get("arm").asText())
          .isEqualTo("primary");
    }
  }

  @Test
  @Order(4)
  void shiftedTrafficRaisesADriftAlertThatDegradesTheModelButNotTheService() throws Exception {
    assertThat(get("/actuator/health/mlops/fraud-v1", 200).get("status").asText())
        .isEqualTo("UP");
    // amount moves by +2 standard deviations; enough requests to fill a whole window of 200
    for (int i = 0; i < 450; i++) {
      score(TRAFFIC.nextGaussian() + 2, TRAFFIC.nextGaussian());
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(get("/actuator/health/mlops/fraud-v1", 200).get("status").asText())
            .isEqualTo("DEGRADED"));
    JsonNode health = get("/actuator/health", 200);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/mlops/components/fraud-v1/details/alerts/0").asText())
        .contains("drift.detected[amount]");
    assertThat(health.at("/components/mlops/components/fraud-v2/status").asText())
        .isEqualTo("UP");

    JsonNode alert = get("/actuator/mlops", 200).at("/models/fraud-v1/activeAlerts/0");
    assertThat(alert.get("metric").asText()).isEqualTo("drift.detected");
    assertThat(alert.get("subject").asText()).isEqualTo("amount");

    String scrape = text("/actuator/prometheus", 200);
    assertThat(gauge(scrape, "mlops_drift_detected", "fraud-v1", "amount")).isEqualTo(1.0);
    assertThat(gauge(scrape, "mlops_drift_detected", "fraud-v1", "velocity")).isEqualTo(0.0);
    assertThat(counter(scrape, "mlops_alerts_total", "primary", "fraud-v1", "1")).isPositive();
  }

  private JsonNode score(double amount, double velocity) throws Exception {
    int n = requests++;
    String body = String.format(Locale.ROOT,
        "{\"id\": \"tx-%d\", \"user\": \"user-%d\", \"features\": {\"amount\": %s,"
            + " \"velocity\": %s}}", n, n, amount, velocity);
    JsonNode answer = post("/score", body, 200);
    assertThat(answer.get("requestId").asText()).isEqualTo("tx-" + n);
    ARMS.merge(Arm.valueOf(answer.get("arm").asText().toUpperCase(Locale.ROOT)), 1,
        Integer::sum);
    return answer;
  }

  private JsonNode get(String path, int status) throws Exception {
    return JSON.readTree(text(path, status));
  }

  private String text(String path, int status) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(status);
    return r.body();
  }

  private JsonNode post(String path, String body, int status) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(status);
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The value of a counter of one model, its labels in Prometheus' alphabetical order. */
  private static double counter(String scrape, String name, String arm, String model,
      String version) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{arm=\"" + arm + "\",model_name=\"" + model
        + "\",model_version=\"" + version + "\"[^}]*} (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("%s of %s in%n%s", name, model, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static double gauge(String scrape, String name, String model, String feature) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*feature=\"" + feature
        + "\"[^}]*model_name=\"" + model + "\"[^}]*} (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("%s of %s/%s in%n%s", name, model, feature, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
