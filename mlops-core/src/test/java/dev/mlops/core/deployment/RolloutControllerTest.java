package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.RolloutEvent;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Measurement;
import dev.mlops.scoping.Objectives;
import dev.mlops.scoping.Verdict;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's state machine on a fake clock; tests never sleep. */
class RolloutControllerTest {
  private final TestClock clock = TestClock.create();
  private final ScriptedModel primary = ScriptedModel.sign("v1").taking(clock, Duration.ofMillis(2));
  private final ScriptedModel good = ScriptedModel.sign("v2").taking(clock, Duration.ofMillis(2));
  /** Right on most inputs, wrong on the segment 0 < x < 1. */
  private final ScriptedModel subtlyWrong =
      ScriptedModel.of("v3", r -> r.getDouble("x") > 1 ? "yes" : "no").taking(clock, Duration.ofMillis(2));
  private final List<RolloutEvent> events = new ArrayList<>();
  private int requestCounter;

  static Objectives standardGates() {
    return Objectives.builder()
        .atLeast(KeyMetrics.SHADOW_AGREEMENT, 0.97, 50)
        .atMost(KeyMetrics.ERROR_RATE, 0.01)
        .atMostRelative(KeyMetrics.LATENCY_P99_MS, 1.5)
        .build();
  }

  static RolloutPlan plan(Objectives gates, int failureLimit) {
    return RolloutPlan.builder()
        .step(RolloutStep.shadow(100))
        .step(RolloutStep.canary(1_000, 50))
        .step(RolloutStep.canary(5_000, 50))
        .step(RolloutStep.unanalysed(10_000))
        .gates(gates).failureLimit(failureLimit).build();
  }

  private RolloutController.Builder builder(RolloutPlan plan, Model candidate) {
    return RolloutController.builder("churn", plan, primary, candidate)
        .clock(clock).salt("salt-1").shadowExecutor(Runnable::run);
  }

  private RolloutController start(RolloutController.Builder b) {
    RolloutController c = b.build();
    events.addAll(c.auditLog());
    c.events().onEvent(events::add);
    return c;
  }

  /** Serves {@code n} keyed requests; x cycles through -1.25, -0.25, 0.75, 1.75. */
  private void traffic(RolloutController c, int n) {
    for (int i = 0; i < n; i++) {
      int k = requestCounter++;
      double x = (k % 4) - 1.5 + 0.25;
      c.serve(PredictionRequest.builder(ScriptedModel.x(x)).requestId("r" + k).routingKey("user-" + k).build());
    }
  }

  private List<RolloutTransition.Kind> kinds() {
    return events.stream().filter(RolloutTransition.class::isInstance)
        .map(e -> ((RolloutTransition) e).kind()).toList();
  }

  @Test
  void aGoodCandidateIsPromotedStepByStep() {
    try (RolloutController c = start(builder(plan(standardGates(), 0), good))) {
      assertThat(c.status().shadow()).isTrue();
      traffic(c, 100);
      assertThat(c.status().step()).isEqualTo(1);
      assertThat(c.status().weightBps()).isEqualTo(1_000);
      traffic(c, 2_000);
      assertThat(c.status().state()).isEqualTo(RolloutState.PROMOTED);
      assertThat(c.status().weightBps()).isEqualTo(10_000);
      assertThat(kinds()).containsExactly(RolloutTransition.Kind.STARTED, RolloutTransition.Kind.STEP_STARTED,
          RolloutTransition.Kind.STEP_STARTED, RolloutTransition.Kind.PROMOTED);
      List<GatesEvaluated> gates = events.stream().filter(GatesEvaluated.class::isInstance)
          .map(GatesEvaluated.class::cast).toList();
      assertThat(gates).extracting(GatesEvaluated::overall).containsOnly(Verdict.PASS);
      assertThat(gates.get(0).verdicts()).extracting(v -> v.objective().metric())
          .containsExactly(KeyMetrics.SHADOW_AGREEMENT, KeyMetrics.ERROR_RATE, KeyMetrics.LATENCY_P99_MS);
      assertThat(gates.get(1).verdicts()).extracting(v -> v.objective().metric())
          .as("shadow agreement is not judged at a canary step")
          .containsExactly(KeyMetrics.ERROR_RATE, KeyMetrics.LATENCY_P99_MS);
      assertThat(gates.get(1).candidateRequests()).isEqualTo(50);
      assertThat(c.route(PredictionRequest.of("after", ScriptedModel.x(1)))).isEqualTo(Arm.CANDIDATE);
      assertThat(c.auditLog()).isEqualTo(events);
    }
  }

  @Test
  void aSubtlyWrongCandidateIsRolledBackInShadowWithTheReason() {
    try (RolloutController c = start(builder(plan(standardGates(), 0), subtlyWrong))) {
      traffic(c, 100);
      RolloutStatus s = c.status();
      assertThat(s.state()).isEqualTo(RolloutState.ROLLED_BACK);
      assertThat(s.step()).isZero();
      assertThat(s.reason()).startsWith("gates failed at step 0 (shadow)")
          .contains("shadow.agreement").contains("0.75").contains("0.97");
      assertThat(c.shadowReport().disagreements()).isNotEmpty()
          .allSatisfy(d -> assertThat(d.features().getDouble("x")).isEqualTo(0.75));
      PredictionRequest r = PredictionRequest.builder(ScriptedModel.x(0.75)).routingKey("u").build();
      assertThat(c.serve(r).modelVersion()).isEqualTo("v1");
      assertThatThrownBy(() -> c.promote("try anyway"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("rollout 'churn' is ROLLED_BACK and cannot be promoted");
    }
  }

  @Test
  void inconclusiveGatesPauseForAHumanWhoResumesAndPromotes() {
    Objectives gates = Objectives.builder().atLeastRelative(KeyMetrics.ACCURACY, -0.02, 500).build();
    try (RolloutController c = start(builder(plan(gates, 0), good).labelsExpected(true))) {
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.PAUSED);
      assertThat(c.status().reason()).contains("gates inconclusive").contains("accuracy");
      traffic(c, 10); // the split holds while paused, and nothing is judged
      assertThat(c.status().state()).isEqualTo(RolloutState.PAUSED);
      c.resume("give it more traffic");
      assertThat(c.status().state()).isEqualTo(RolloutState.RUNNING);
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.PAUSED);
      c.promote("looks fine to me");
      assertThat(c.status().step()).isEqualTo(1);
      assertThat(c.status().state()).isEqualTo(RolloutState.RUNNING);
      c.promoteFully("ship it");
      assertThat(c.status().state()).isEqualTo(RolloutState.PROMOTED);
      assertThat(kinds()).containsExactly(RolloutTransition.Kind.STARTED, RolloutTransition.Kind.PAUSED,
          RolloutTransition.Kind.RESUMED, RolloutTransition.Kind.PAUSED, RolloutTransition.Kind.STEP_STARTED,
          RolloutTransition.Kind.PROMOTED);
    }
  }

  @Test
  void labelsFeedAccuracyGatesThatCatchTheWrongSegment() {
    Objectives gates = Objectives.builder().atLeastRelative(KeyMetrics.ACCURACY, -0.02, 50).build();
    try (RolloutController c = start(builder(plan(gates, 0), subtlyWrong).labelsExpected(true))) {
      for (int i = 0; i < 100; i++) {
        int k = requestCounter++;
        double x = (k % 4) - 1.5 + 0.25;
        c.serve(PredictionRequest.builder(ScriptedModel.x(x)).requestId("r" + k).routingKey("u" + k).build());
        c.label("r" + k, x > 0 ? "yes" : "no");
      }
      // the window closes on the 100th copy, before its label: 99 labelled pairs were judged
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
      assertThat(c.status().reason()).contains("accuracy");
    }
  }

  @Test
  void aDryRunReportsWhatItWouldDoAndActsOnlyOnManualControls() {
    try (RolloutController c = start(builder(plan(standardGates(), 0), subtlyWrong).dryRun(true))) {
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.RUNNING);
      assertThat(c.status().step()).isZero();
      GatesEvaluated g = (GatesEvaluated) events.get(events.size() - 1);
      assertThat(g.dryRun()).isTrue();
      assertThat(g.overall()).isEqualTo(Verdict.FAIL);
      assertThat(g.reason()).startsWith("dry run, would roll back");
      assertThat(g.failures()).isZero();
      c.dryRun(false);
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
    }
  }

  @Test
  void abortMidStepSendsTrafficBackAndForbidsFurtherControls() {
    try (RolloutController c = start(builder(plan(standardGates(), 0), good))) {
      traffic(c, 120);
      assertThat(c.status().step()).isEqualTo(1);
      c.abort("customer complaint");
      assertThat(c.status().state()).isEqualTo(RolloutState.ABORTED);
      assertThat(c.status().weightBps()).isZero();
      for (int i = 0; i < 50; i++) {
        assertThat(c.serve(PredictionRequest.builder(ScriptedModel.x(1)).routingKey("k" + i).build()).arm())
            .isEqualTo(Arm.PRIMARY);
      }
      assertThatThrownBy(() -> c.promote("oops")).hasMessageContaining("is ABORTED and cannot be promoted")
          .hasMessageContaining("customer complaint");
      assertThatThrownBy(() -> c.resume("oops")).hasMessageContaining("is ABORTED and cannot be resumed");
      assertThatThrownBy(() -> c.pause("oops")).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> c.abort("again")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void failuresWithinTheLimitRepeatTheStepAndBeyondItRollBack() {
    Model failing = good.failingWhen(r -> r.getDouble("x") < 0);
    Objectives gates = Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.01).build();
    try (RolloutController c = start(builder(plan(gates, 1), failing))) {
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.RUNNING);
      assertThat(c.status().failures()).isEqualTo(1);
      assertThat(c.status().reason()).startsWith("repeating step 0 after failure 1 of 1 tolerated");
      traffic(c, 100);
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
      assertThat(c.status().failures()).isEqualTo(2);
      assertThat(c.status().reason()).contains("error.rate");
    }
  }

  @Test
  void canaryFailuresAreAnsweredByThePrimaryAndCountAgainstTheCandidate() {
    Model failing = good.failingWhen(r -> r.getDouble("x") < 0);
    Objectives gates = Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.01).build();
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.canary(5_000, 40))
        .step(RolloutStep.unanalysed(10_000)).gates(gates).build();
    try (RolloutController c = start(builder(plan, failing))) {
      for (int i = 0; i < 200 && c.status().state() == RolloutState.RUNNING; i++) {
        var served = c.serve(PredictionRequest.builder(ScriptedModel.x(-1)).routingKey("k" + i).build());
        assertThat(served.succeeded()).isTrue();
      }
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
      GatesEvaluated g = events.stream().filter(GatesEvaluated.class::isInstance).map(GatesEvaluated.class::cast)
          .findFirst().orElseThrow();
      assertThat(g.verdicts().get(0).candidate().getAsDouble()).isEqualTo(1.0);
      assertThat(g.verdicts().get(0).samples()).isEqualTo(40);
    }
  }

  @Test
  void stickyKeysStayOnTheCandidateAsTheRolloutRaisesTheWeight() {
    try (RolloutController c = start(builder(plan(standardGates(), 0), good))) {
      traffic(c, 100);
      List<String> onCandidate = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        if (c.route(PredictionRequest.builder(ScriptedModel.x(1)).routingKey("sticky-" + i).build()) == Arm.CANDIDATE) {
          onCandidate.add("sticky-" + i);
        }
      }
      while (c.status().step() < 2) {
        traffic(c, 1);
      }
      assertThat(c.status().weightBps()).isEqualTo(5_000);
      for (String k : onCandidate) {
        assertThat(c.route(PredictionRequest.builder(ScriptedModel.x(1)).routingKey(k).build())).isEqualTo(Arm.CANDIDATE);
      }
    }
  }

  @Test
  void timeWindowsCloseOnTheInjectedClock() {
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.canary(2_000, Duration.ofMinutes(10)))
        .step(RolloutStep.unanalysed(10_000)).gates(Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.01).build())
        .build();
    try (RolloutController c = start(builder(plan, good))) {
      traffic(c, 100);
      c.tick();
      assertThat(c.status().state()).isEqualTo(RolloutState.RUNNING);
      clock.advance(Duration.ofMinutes(10));
      c.tick();
      assertThat(c.status().state()).isEqualTo(RolloutState.PROMOTED);
    }
  }

  @Test
  void hostMetricsAreGatedWhenDeclared() {
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.shadow(10)).step(RolloutStep.unanalysed(10_000))
        .hostMetric("gpu.memory.share").gates(Objectives.builder().atMost("gpu.memory.share", 0.8).build()).build();
    try (RolloutController c = start(builder(plan, good))) {
      assertThatThrownBy(() -> c.reportHostMetric("cpu", Measurement.of(1, 1), null))
          .hasMessageContaining("host metric 'cpu' is not declared");
      c.reportHostMetric("gpu.memory.share", Measurement.of(0.93, 10), null);
      traffic(c, 10);
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
      assertThat(c.status().reason()).contains("gpu.memory.share");
    }
  }

  @Test
  void outputDriftIsTheDistanceBetweenTheArmsClassShares() {
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.canary(5_000, 100)).step(RolloutStep.unanalysed(10_000))
        .gates(Objectives.builder().atMost(KeyMetrics.OUTPUT_DRIFT, 0.1).build()).build();
    ScriptedModel alwaysNo = ScriptedModel.of("v4", r -> "no");
    try (RolloutController c = start(builder(plan, alwaysNo))) {
      while (c.status().state() == RolloutState.RUNNING) {
        traffic(c, 1);
      }
      GatesEvaluated g = (GatesEvaluated) events.stream().filter(GatesEvaluated.class::isInstance).findFirst().orElseThrow();
      // the primary says "yes" on half the traffic, the candidate never: distance 0.5
      assertThat(g.verdicts().get(0).candidate().getAsDouble()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
      assertThat(c.status().state()).isEqualTo(RolloutState.ROLLED_BACK);
    }
  }

  @Test
  void aPlanGateOnAnUnknownMetricIsRejected() {
    assertThatThrownBy(() -> RolloutPlan.builder().step(RolloutStep.shadow(10))
        .gates(Objectives.builder().atMost("gpu.memory", 0.8).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("gate on unknown metric 'gpu.memory'; known: [accuracy, error.rate");
    assertThatThrownBy(() -> RolloutPlan.builder().build()).hasMessage("a rollout plan needs at least one step");
  }
}
