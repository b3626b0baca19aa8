package dev.mlops.testkit.deployment;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.Rollout;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.deployment.RolloutTransition.Kind;
import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RolloutAssertTest {
  /** A rollout as read back: what RolloutController's status and audit log would say. */
  private record Recorded(RolloutStatus status, List<RolloutEvent> auditLog) implements Rollout {
    @Override
    public String rolloutName() {
      return status.rollout();
    }
  }

  private static RolloutTransition t(Kind kind, int step, RolloutState state, String reason) {
    return new RolloutTransition(Instant.EPOCH, "churn-v4.rollout", "churn-v4", kind, step, state, reason, false);
  }

  private static GatesEvaluated gates(int step, boolean dryRun, Verdict verdict) {
    ObjectiveVerdict v = new ObjectiveVerdict(Objective.atMost("error_rate", 0.05), verdict, OptionalDouble.of(0.2),
        OptionalDouble.empty(), 0.05, 200, 0, "error_rate 0.2 > 0.05 (200 requests)");
    return new GatesEvaluated(Instant.EPOCH, "churn-v4.rollout", "churn-v4", step, List.of(v),
        GatesEvaluated.combine(List.of(v)), 1, 2_000, 200, dryRun, "roll back");
  }

  private static Rollout rolledBack() {
    String why = "gates failed at step 1 (canary 10%) error_rate 0.2 > 0.05 (200 requests)";
    return new Recorded(new RolloutStatus("churn-v4", RolloutState.ROLLED_BACK, 1, 0, false, 1, 200, "s", false, why),
        List.of(t(Kind.STARTED, 0, RolloutState.RUNNING, "started"),
            t(Kind.STEP_STARTED, 1, RolloutState.RUNNING, "gates passed at step 0"),
            gates(1, false, Verdict.FAIL), t(Kind.ROLLED_BACK, 1, RolloutState.ROLLED_BACK, why)));
  }

  @Test
  void readsAnAutomaticRollback() {
    assertThat(rolledBack()).wasRolledBack().because("ERROR_RATE 0.2").failedGate("error_rate").promotedTo(1)
        .isAtStep(1).wentThrough(Kind.STARTED, Kind.ROLLED_BACK);
    assertThatThrownBy(() -> assertThat(rolledBack()).wasPromoted())
        .hasMessageContaining("Expected rollout 'churn-v4' to be PROMOTED but it is ROLLED_BACK")
        .hasMessageContaining("because: gates failed at step 1")
        .hasMessageContaining("transitions: [STARTED@0, STEP_STARTED@1, ROLLED_BACK@1]");
    assertThatThrownBy(() -> assertThat(rolledBack()).promotedTo(2))
        .hasMessageContaining("to have been promoted to step 2 but it never reached it");
    assertThatThrownBy(() -> assertThat(rolledBack()).because("latency"))
        .hasMessageContaining("Expected the reason rollout 'churn-v4' is ROLLED_BACK to contain 'latency' but it was 'gates failed");
    assertThatThrownBy(() -> assertThat(rolledBack()).failedGate("latency_p99_ms"))
        .hasMessageContaining("Expected the gate on 'latency_p99_ms' of rollout 'churn-v4' to have failed but the failed gates were [error_rate]");
    assertThatThrownBy(() -> assertThat(rolledBack()).hasNoFailedGate())
        .hasMessageContaining("these failed: [error_rate 0.2 > 0.05 (200 requests)]");
    assertThatThrownBy(() -> assertThat(rolledBack()).wentThrough(Kind.ROLLED_BACK, Kind.STARTED))
        .hasMessageContaining("to go through [ROLLED_BACK, STARTED] in this order but its transitions were [STARTED, STEP_STARTED, ROLLED_BACK]");
  }

  @Test
  void aRepeatedStepIsNotAPromotionAndDryRunFailuresDoNotCount() {
    String why = "gates inconclusive at step 0 (shadow) error_rate needs 100 samples";
    Rollout paused = new Recorded(new RolloutStatus("churn-v4", RolloutState.PAUSED, 0, 0, true, 0, 50, "s", true, why),
        List.of(t(Kind.STARTED, 0, RolloutState.RUNNING, "started"), gates(0, true, Verdict.FAIL),
            t(Kind.STEP_STARTED, 0, RolloutState.RUNNING, "repeating step 0"),
            t(Kind.PAUSED, 0, RolloutState.PAUSED, why)));
    assertThat(paused).pausedBecause("inconclusive").hasNoFailedGate().isIn(RolloutState.PAUSED);
    assertThatThrownBy(() -> assertThat(paused).promotedTo(0)).hasMessageContaining("never reached it");
    assertThatThrownBy(() -> assertThat(paused).pausedBecause("by a human"))
        .hasMessageContaining("is PAUSED to contain 'by a human' but it was 'gates inconclusive");
    assertThatThrownBy(() -> assertThat(rolledBack()).pausedBecause("inconclusive"))
        .hasMessageContaining("to be PAUSED but it is ROLLED_BACK");
    assertThatThrownBy(() -> assertThat(paused).wasAborted()).hasMessageContaining("to be ABORTED but it is PAUSED");
  }

  @Test
  void aFullPromotionCountsForTheStepItLeft() {
    Rollout promoted = new Recorded(new RolloutStatus("churn-v4", RolloutState.PROMOTED, 2, 10_000, false, 0, 0, "s",
        false, "gates passed at step 2"), List.of(t(Kind.STARTED, 0, RolloutState.RUNNING, "started"),
            t(Kind.STEP_STARTED, 1, RolloutState.RUNNING, "p"), t(Kind.STEP_STARTED, 2, RolloutState.RUNNING, "p"),
            t(Kind.PROMOTED, 2, RolloutState.PROMOTED, "gates passed at step 2")));
    assertThat(promoted).wasPromoted().promotedTo(1).promotedTo(2).hasNoFailedGate();
    assertThatThrownBy(() -> assertThat(promoted).wasRolledBack())
        .hasMessageContaining("to be ROLLED_BACK but it is PROMOTED")
        .hasMessageContaining("candidate weight 10000 bps");
  }
}
