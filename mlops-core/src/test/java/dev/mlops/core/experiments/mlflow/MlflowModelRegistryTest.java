package dev.mlops.core.experiments.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.data.Record;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model Registry aliases against the in-process MLflow stand-in, and their tie to a rollout. */
class MlflowModelRegistryTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir
  Path dir;
  private TestMlflowServer server;
  private MlflowModelRegistry registry;

  @BeforeEach
  void setUp() throws IOException {
    server = new TestMlflowServer();
    registry = MlflowModelRegistry.create(config());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private MlflowConfig config() {
    return MlflowConfig.builder(server.uri()).maxRetries(0).initialBackoff(Duration.ZERO)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).gitDirectory(null).build();
  }

  /** Registers a version whose artifacts hold a threshold model: "yes" when x > threshold. */
  private String version(String model, String id, double threshold) {
    server.storeArtifact("models/" + id + "/artifacts/model.txt",
        Double.toString(threshold).getBytes(StandardCharsets.UTF_8));
    server.storeArtifact("models/" + id + "/artifacts/meta/MLmodel", ("id: " + id).getBytes(StandardCharsets.UTF_8));
    return server.registerVersion(model, "mlflow-artifacts:/models/" + id + "/artifacts");
  }

  private void setAlias(String model, String alias, String version) {
    new MlflowApi(config(), e -> { }).post("registered-models/alias", MlflowApi.JSON.createObjectNode()
        .put("name", model).put("alias", alias).put("version", version));
  }

  @Test
  void resolvesAnAliasAndDownloadsTheVersionsArtifacts() throws IOException {
    version("churn", "m-1", 0);
    String v2 = version("churn", "m-2", 0.5);
    setAlias("churn", MlflowModelRegistry.CHALLENGER, v2);

    MlflowModelVersion mv = registry.resolve("churn", MlflowModelRegistry.CHALLENGER, dir.resolve("challenger"));

    assertThat(mv.version()).isEqualTo("2");
    assertThat(mv.runId()).isEqualTo("run-churn-2");
    assertThat(mv.artifactUri()).isEqualTo("mlflow-artifacts:/models/m-2/artifacts");
    assertThat(Files.readString(mv.artifacts().resolve("model.txt"))).isEqualTo("0.5");
    assertThat(Files.readString(mv.artifacts().resolve("meta/MLmodel"))).isEqualTo("id: m-2");
    assertThat(server.calls("registered-models/alias")).isEqualTo(2); // one set, one get
    assertThat(server.calls("model-versions/search")).as("search omits aliases, mlflow#16734").isZero();
  }

  @Test
  void aMissingAliasOrModelIsAClearError() {
    version("churn", "m-1", 0);
    assertThat(registry.aliasVersion("churn", MlflowModelRegistry.CHAMPION)).isEmpty();
    assertThatThrownBy(() -> registry.resolve("churn", MlflowModelRegistry.CHALLENGER, dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("registered model 'churn' has no alias 'challenger'");
    assertThatThrownBy(() -> registry.resolve("fraud", MlflowModelRegistry.CHAMPION, dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("registered model 'fraud' does not exist")
        .hasMessageContaining("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void aMissingAliasReportedAsResourceDoesNotExistIsStillAMissingAlias() {
    version("churn", "m-1", 0);
    server.failEndpoint("registered-models/alias", 1, 404, "RESOURCE_DOES_NOT_EXIST",
        "Registered model alias challenger not found.");
    assertThat(registry.aliasVersion("churn", MlflowModelRegistry.CHALLENGER)).isEmpty();
  }

  @Test
  void reservedAliasesAreRefusedByTheClientAndTheServer() {
    String v1 = version("churn", "m-1", 0);
    assertThatThrownBy(() -> registry.aliasVersion("churn", "Latest"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Latest' is not an MLflow alias");
    assertThatThrownBy(() -> registry.aliasVersion("churn", "v1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> setAlias("churn", "v1", v1))
        .isInstanceOf(MlflowServerException.class).hasMessageContaining("Version alias name 'v1' is reserved.");
    assertThatThrownBy(() -> setAlias("churn", "LATEST", v1))
        .hasMessageContaining("'latest' alias name (case insensitive) is reserved.");
    assertThatThrownBy(() -> setAlias("churn", "champion", "7"))
        .hasMessageContaining("Model Version (name=churn, version=7) not found");
  }

  @Test
  void promotionMovesTheChampionAndTagsTheVersion() {
    String v1 = version("churn", "m-1", 0);
    String v2 = version("churn", "m-2", 0);
    setAlias("churn", MlflowModelRegistry.CHAMPION, v1);

    assertThat(registry.promote("churn", v2, "x".repeat(9000))).contains("1");

    assertThat(server.alias("churn", MlflowModelRegistry.CHAMPION)).isEqualTo("2");
    Map<String, String> tags = server.versionTags("churn", v2);
    assertThat(tags).containsEntry(MlflowModelRegistry.TAG_PREVIOUS_VERSION, "1")
        .containsEntry(MlflowModelRegistry.TAG_PROMOTED_AT, "2026-03-01T12:00:00Z");
    assertThat(tags.get(MlflowModelRegistry.TAG_GATES)).hasSize(MlflowModelRegistry.MAX_TAG_VALUE_LENGTH)
        .endsWith("[cut]");
    assertThat(server.versionTags("churn", v1)).isEmpty();
  }

  @Test
  void aRefusedConnectionIsAClearError() {
    server.goDown();
    assertThatThrownBy(() -> registry.resolve("churn", MlflowModelRegistry.CHAMPION, dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot reach the MLflow server " + server.uri() + " after 1 attempts");
  }

  @Test
  void aPromotedRolloutMovesTheChampionWithTheGateSummary() {
    version("churn", "m-1", 0);
    String v2 = version("churn", "m-2", 0);
    setAlias("churn", MlflowModelRegistry.CHAMPION, "1");
    setAlias("churn", MlflowModelRegistry.CHALLENGER, v2);

    RolloutState outcome = rollout();

    assertThat(outcome).isEqualTo(RolloutState.PROMOTED);
    assertThat(server.alias("churn", MlflowModelRegistry.CHAMPION)).isEqualTo("2");
    assertThat(server.versionTags("churn", v2)).containsEntry(MlflowModelRegistry.TAG_PREVIOUS_VERSION, "1")
        .hasEntrySatisfying(MlflowModelRegistry.TAG_GATES, g -> assertThat(g)
            .startsWith("step 0 PASS (").contains(KeyMetrics.SHADOW_AGREEMENT).contains("step 1 PASS")
            .contains("promoted: "));
  }

  @Test
  void aRolledBackRolloutLeavesTheChampionAlone() {
    version("churn", "m-1", 0);
    String v2 = version("churn", "m-2", 1); // wrong on 0 < x < 1
    setAlias("churn", MlflowModelRegistry.CHAMPION, "1");
    setAlias("churn", MlflowModelRegistry.CHALLENGER, v2);

    assertThat(rollout()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(server.alias("churn", MlflowModelRegistry.CHAMPION)).isEqualTo("1");
    assertThat(server.versionTags("churn", v2)).isEmpty();
    assertThat(server.calls("model-versions/set-tag")).isZero();
  }

  @Test
  void aRegistryFailureOnPromotionIsKeptNotThrownIntoTheRollout() {
    version("churn", "m-1", 0);
    String v2 = version("churn", "m-2", 0);
    setAlias("churn", MlflowModelRegistry.CHAMPION, "1");
    setAlias("churn", MlflowModelRegistry.CHALLENGER, v2);
    server.failEndpoint("model-versions/set-tag", 1, 403, "PERMISSION_DENIED", "read-only user");

    MlflowPromotion promotion = rolloutWith(p -> { });

    assertThat(promotion.promoted()).isFalse();
    assertThat(promotion.failure()).get().asString().contains("PERMISSION_DENIED");
    assertThat(server.alias("churn", MlflowModelRegistry.CHAMPION)).isEqualTo("1");
  }

  private RolloutState rollout() {
    RolloutState[] state = new RolloutState[1];
    MlflowPromotion p = rolloutWith(c -> state[0] = c.status().state());
    assertThat(p.promoted()).isEqualTo(state[0] == RolloutState.PROMOTED);
    assertThat(p.failure()).isEmpty();
    return state[0];
  }

  /** Resolves both aliases, loads their artifacts and runs a shadow then 50 % rollout. */
  private MlflowPromotion rolloutWith(java.util.function.Consumer<RolloutController> after) {
    MlflowModelVersion champion = registry.resolve("churn", MlflowModelRegistry.CHAMPION, dir.resolve("champion"));
    MlflowModelVersion challenger = registry.resolve("churn", MlflowModelRegistry.CHALLENGER, dir.resolve("challenger"));
    RolloutPlan plan = RolloutPlan.builder()
        .step(RolloutStep.shadow(100))
        .step(RolloutStep.canary(5_000, 50))
        .step(RolloutStep.unanalysed(10_000))
        .gates(Objectives.builder().atLeast(KeyMetrics.SHADOW_AGREEMENT, 0.97, 50).atMost(KeyMetrics.ERROR_RATE, 0.01)
            .build())
        .failureLimit(0).build();
    try (RolloutController c = RolloutController.builder("churn", plan, ThresholdModel.load(champion),
            ThresholdModel.load(challenger)).clock(TestClock.create()).salt("s").shadowExecutor(Runnable::run).build();
        MlflowPromotion promotion = MlflowPromotion.onPromoted(registry, c.events(), challenger)) {
      for (int k = 0; k < 1_000 && !c.status().state().isTerminal(); k++) {
        double x = (k % 4) - 1.25; // -1.25, -0.25, 0.75, 1.75
        c.serve(PredictionRequest.builder(Record.of(Map.of("x", x))).requestId("r" + k).routingKey("u" + k).build());
      }
      after.accept(c);
      return promotion;
    }
  }

  /** The model the test's artifacts describe: "yes" when x is above the threshold in model.txt. */
  private record ThresholdModel(String version, double threshold) implements Model {
    static ThresholdModel load(MlflowModelVersion mv) {
      try {
        return new ThresholdModel(mv.version(), Double.parseDouble(Files.readString(mv.artifacts().resolve("model.txt"))));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public String name() {
      return "threshold";
    }

    @Override
    public Prediction predict(Record record) {
      String label = record.getDouble("x") > threshold ? "yes" : "no";
      return Prediction.classification(label, Map.of(label, 0.9, label.equals("yes") ? "no" : "yes", 0.1),
          version, Duration.ZERO);
    }

    @Override
    public void close() {}
  }
}
