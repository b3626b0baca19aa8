package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.RoutingDecision;
import org.junit.jupiter.api.Test;

class FakeDeploymentStrategyTest {

  @Test
  void pinnedKeysShareAndShadows() {
    FakeDeploymentStrategy s = FakeDeploymentStrategy.serving("v1").candidate("v2", 0.25)
        .route("tester", "v2").shadow("v3").build();
    assertThat(s.route("tester")).isEqualTo(new RoutingDecision("v2", java.util.List.of("v3"),
        "key 'tester' is pinned to v2"));
    int toCandidate = 0;
    for (int i = 0; i < 10_000; i++) {
      RoutingDecision d = s.route("user-" + i);
      assertThat(d.shadowVersions()).containsExactly("v3");
      toCandidate += d.servingVersion().equals("v2") ? 1 : 0;
    }
    // Binomial(10000, 0.25): sd 43; six sd either side.
    assertThat(toCandidate).isBetween(2240, 2760);
  }

  @Test
  void theBucketIsFnv1aOfTheUtf8Bytes() {
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (Fowler/Noll/Vo test vectors); top 53 bits / 2^53.
    assertThat(FakeDeploymentStrategy.bucket("a")).isEqualTo((0xaf63dc4c8601ec8cL >>> 11) * 0x1.0p-53);
  }

  @Test
  void refusesBadScripts() {
    assertThatThrownBy(() -> FakeDeploymentStrategy.serving(" "))
        .hasMessageContaining("stableVersion must not be blank");
    assertThatThrownBy(() -> FakeDeploymentStrategy.serving("v1").candidate("v2", 2))
        .hasMessageContaining("share must be in [0, 1], was 2.0");
  }
}
