package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.model.FakeModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeDeploymentStrategyTest {
  private final TestClock clock = TestClock.create();
  private final FakeModel primary = FakeModel.classifier("churn", "no", "yes").version("v1").otherwiseLabel("no")
      .latency(Duration.ofMillis(7), clock).build();
  private final FakeModel candidate = FakeModel.classifier("churn", "no", "yes").version("v2").otherwiseLabel("yes").build();

  private static PredictionRequest keyed(String key) {
    return PredictionRequest.builder(Record.of(Map.of("x", 1.0))).routingKey(key).build();
  }

  @Test
  void pinnedKeysShareAndKeylessRequests() {
    FakeDeploymentStrategy s = FakeDeploymentStrategy.builder(primary, candidate).candidateShare(0.25)
        .route("tester", Arm.CANDIDATE).clock(clock).build();
    assertThat(s.route(keyed("tester"))).isEqualTo(Arm.CANDIDATE);
    assertThat(s.route(PredictionRequest.of(Record.of(Map.of("x", 1.0))))).isEqualTo(Arm.PRIMARY);
    int toCandidate = 0;
    for (int i = 0; i < 10_000; i++) {
      toCandidate += s.route(keyed("user-" + i)) == Arm.CANDIDATE ? 1 : 0;
    }
    // Binomial(10000, 0.25): sd 43; six sd either side.
    assertThat(toCandidate).isBetween(2240, 2760);
    PredictionOutcome served = s.serve(keyed("someone-on-primary-" + firstPrimaryKey(s)));
    assertThat(served.modelVersion()).isEqualTo("v1");
    assertThat(served.latency()).isEqualTo(Duration.ofMillis(7));
  }

  private static int firstPrimaryKey(FakeDeploymentStrategy s) {
    int i = 0;
    while (s.route(keyed("someone-on-primary-" + i)) != Arm.PRIMARY) {
      i++;
    }
    return i;
  }

  @Test
  void theBucketIsFnv1aOfTheUtf8Bytes() {
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler/Noll/Vo test vectors); top 53 bits / 2^53.
    assertThat(FakeDeploymentStrategy.bucket("a")).isEqualTo((0xaf63dc4c8601ec8cL >>> 11) * 0x1.0p-53);
  }

  @Test
  void refusesBadScripts() {
    assertThatThrownBy(() -> FakeDeploymentStrategy.builder(primary, candidate).candidateShare(2))
        .hasMessageContaining("share must be in [0, 1], was 2.0");
    assertThatThrownBy(() -> FakeDeploymentStrategy.builder(primary, candidate).route("k", Arm.SHADOW))
        .hasMessageContaining("never SHADOW");
  }
}
