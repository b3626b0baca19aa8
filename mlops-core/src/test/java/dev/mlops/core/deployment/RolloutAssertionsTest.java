package dev.mlops.core.deployment;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutTransition.Kind;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The testkit's rollout assertions read a real controller as its own tests read it. */
class RolloutAssertionsTest {
  private final TestClock clock = TestClock.create();
  private final ScriptedModel primary = ScriptedModel.sign("v1").taking(clock, Duration.ofMillis(2));
  private final ScriptedModel good = ScriptedModel.sign("v2").taking(clock, Duration.ofMillis(2));
  private final ScriptedModel subtlyWrong =
      ScriptedModel.of("v3", r -> r.getDouble("x") > 1 ? "yes" : "no").taking(clock, Duration.ofMillis(2));
  private int requestCounter;

  private RolloutController start(Objectives gates, int failureLimit, Model candidate, boolean labels) {
    return RolloutController.builder("churn", RolloutControllerTest.plan(gates, failureLimit), primary, candidate)
        .clock(clock).salt("salt-1").shadowExecutor(Runnable::run).labelsExpected(labels).build();
  }

  private void traffic(RolloutController c, int n) {
    for (int i = 0; i < n; i++) {
      int k = requestCounter++;
      c.serve(PredictionRequest.builder(ScriptedModel.x((k % 4) - 1.25)).requestId("r" + k).routingKey("u" + k).build());
    }
  }

  @Test
  void aPromotionStepByStep() {
    try (RolloutController c = start(RolloutControllerTest.standardGates(), 0, good, false)) {
      traffic(c, 100);
      assertThat(c).promotedTo(1).isIn(RolloutState.RUNNING).isAtStep(1);
      assertThatThrownBy(() -> assertThat(c).promotedTo(2)).hasMessageContaining("never reached it");
      traffic(c, 2_000);
      assertThat(c).wasPromoted().promotedTo(2).hasNoFailedGate()
          .wentThrough(Kind.STARTED, Kind.STEP_STARTED, Kind.STEP_STARTED, Kind.PROMOTED);
    }
  }

  @Test
  void aRollbackAfterARepeatedStep() {
    try (RolloutController c = start(RolloutControllerTest.standardGates(), 1, subtlyWrong, false)) {
      traffic(c, 200);
      assertThat(c).wasRolledBack().failedGate(KeyMetrics.SHADOW_AGREEMENT).because("shadow.agreement")
          .wentThrough(Kind.STARTED, Kind.STEP_STARTED, Kind.ROLLED_BACK).isAtStep(0);
      assertThatThrownBy(() -> assertThat(c).promotedTo(0)).as("a repeated step is no promotion")
          .hasMessageContaining("never reached it");
      assertThatThrownBy(() -> assertThat(c).failedGate(KeyMetrics.ERROR_RATE))
          .hasMessageContaining("the failed gates were [shadow.agreement]");
    }
  }

  @Test
  void aPauseForTooFewLabels() {
    try (RolloutController c = start(Objectives.builder().atLeastRelative(KeyMetrics.ACCURACY, -0.02, 500).build(),
        0, good, true)) {
      traffic(c, 100);
      assertThat(c).pausedBecause("gates inconclusive").because("accuracy").hasNoFailedGate();
      c.abort("not today");
      assertThat(c).wasAborted().because("not today");
    }
  }
}
