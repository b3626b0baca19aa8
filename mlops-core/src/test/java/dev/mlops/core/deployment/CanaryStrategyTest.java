package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.TestClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryStrategyTest {
  private final TestClock clock = TestClock.create();
  private final ScriptedModel primary = ScriptedModel.sign("v1");
  private final ScriptedModel candidate = ScriptedModel.of("v2", r -> "no");

  private static PredictionRequest keyed(String key, double x) {
    return PredictionRequest.builder(ScriptedModel.x(x)).requestId("r-" + key).routingKey(key).build();
  }

  @Test
  void weightsOutsideZeroToTenThousandAreRejectedByName() {
    CanaryStrategy canary = CanaryStrategy.builder(primary, candidate).build();
    assertThatThrownBy(() -> canary.weightBps(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be in 0..10000 basis points, was 10001");
    assertThatThrownBy(() -> CanaryStrategy.builder(primary, candidate).weightBps(-1))
        .hasMessage("weight must be in 0..10000 basis points, was -1");
  }

  @Test
  void theCandidateShareAtWeightWIsWithinThreeStandardErrors() {
    CanaryStrategy canary = CanaryStrategy.builder(primary, candidate).salt("s").weightBps(500).build();
    int n = 100_000;
    int toCandidate = 0;
    for (int i = 0; i < n; i++) {
      if (canary.route(keyed("user-" + i, 1)) == Arm.CANDIDATE) {
        toCandidate++;
      }
    }
    double w = 0.05;
    double se = Math.sqrt(w * (1 - w) / n);
    assertThat((double) toCandidate / n).isBetween(w - 3 * se, w + 3 * se);
  }

  @Test
  void aKeyKeepsItsModelWhileTheWeightHoldsAndNeverReturnsToThePrimaryAsItGrows() {
    CanaryStrategy canary = CanaryStrategy.builder(primary, candidate).salt("s").weightBps(100).build();
    List<String> onCandidate = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      if (canary.route(keyed("k" + i, 1)) == Arm.CANDIDATE) {
        onCandidate.add("k" + i);
      }
    }
    assertThat(onCandidate).isNotEmpty();
    for (int w : new int[] {100, 500, 2_500, 5_000, 10_000}) {
      canary.weightBps(w);
      for (String k : onCandidate) {
        assertThat(canary.route(keyed(k, 1))).as("key %s at %d bps", k, w).isEqualTo(Arm.CANDIDATE);
      }
    }
  }

  @Test
  void aCandidateFailureIsAnsweredByThePrimaryAndBothOutcomesAreObserved() {
    List<PredictionOutcome> seen = new ArrayList<>();
    CanaryStrategy canary = CanaryStrategy.builder(primary, candidate.failingWhen(r -> true))
        .weightBps(10_000).clock(clock).observer(seen::add).build();
    PredictionOutcome served = canary.serve(keyed("a", 2));
    assertThat(served.arm()).isEqualTo(Arm.PRIMARY);
    assertThat(served.prediction().orElseThrow().label()).contains("yes");
    assertThat(seen).extracting(PredictionOutcome::arm).containsExactly(Arm.CANDIDATE, Arm.PRIMARY);
    assertThat(seen.get(0).succeeded()).isFalse();
    assertThat(canary.fallbacks()).isEqualTo(1);
    assertThat(canary.primaryServed()).isEqualTo(1);
    assertThat(canary.candidateServed()).isZero();
  }

  @Test
  void keylessRequestsFollowThePolicy() {
    PredictionRequest keyless = PredictionRequest.builder(ScriptedModel.x(1)).requestId("no-key").build();
    CanaryStrategy toPrimary = CanaryStrategy.builder(primary, candidate).weightBps(10_000).build();
    assertThat(toPrimary.route(keyless)).isEqualTo(Arm.PRIMARY);

    CanaryStrategy rejecting = CanaryStrategy.builder(primary, candidate)
        .noKeyPolicy(NoKeyPolicy.REJECT).build();
    assertThatThrownBy(() -> rejecting.serve(keyless))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request 'no-key' has no routing key")
        .hasMessageContaining("REJECT");

    List<Arm> first = new ArrayList<>();
    List<Arm> second = new ArrayList<>();
    for (List<Arm> run : List.of(first, second)) {
      CanaryStrategy random = CanaryStrategy.builder(primary, candidate)
          .noKeyPolicy(NoKeyPolicy.RANDOM).seed(7).weightBps(3_000).build();
      for (int i = 0; i < 10_000; i++) {
        run.add(random.route(keyless));
      }
    }
    assertThat(first).isEqualTo(second);
    long share = first.stream().filter(a -> a == Arm.CANDIDATE).count();
    double se = Math.sqrt(0.3 * 0.7 / 10_000);
    assertThat(share / 10_000.0).isBetween(0.3 - 3 * se, 0.3 + 3 * se);
  }
}
