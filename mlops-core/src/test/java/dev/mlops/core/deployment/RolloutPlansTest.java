package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.scoping.Objective;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutPlansTest {
  /** The example of the issue, verbatim. */
  static final String ISSUE_PLAN = "{\"steps\": [{\"shadow\": true, \"requests\": 500}, {\"weight\": 0.05, \"requests\": 500}, "
      + "{\"weight\": 0.5, \"requests\": 1000}, {\"weight\": 1.0}], \"gates\": [{\"metric\": \"shadow.agreement\", "
      + "\"atLeast\": 0.97, \"minSamples\": 200}, {\"metric\": \"error.rate\", \"atMost\": 0.01}, {\"metric\": "
      + "\"latency.p99.ms\", \"atMostRelative\": 1.5}, {\"metric\": \"accuracy\", \"atLeastRelative\": -0.02, "
      + "\"minSamples\": 200}], \"failureLimit\": 0}";

  @Test
  void readsTheIssuesPlan() {
    RolloutPlan plan = RolloutPlans.parse(ISSUE_PLAN, "PLAN.json");
    assertThat(plan.steps()).containsExactly(RolloutStep.shadow(500), RolloutStep.canary(500, 500),
        RolloutStep.canary(5_000, 1_000), RolloutStep.unanalysed(10_000));
    assertThat(plan.gates().objectives()).containsExactly(
        Objective.atLeast("shadow.agreement", 0.97).withMinSamples(200),
        Objective.atMost("error.rate", 0.01),
        Objective.atMostRelative("latency.p99.ms", 1.5),
        Objective.atLeastRelative("accuracy", -0.02).withMinSamples(200));
    assertThat(plan.failureLimit()).isZero();
  }

  @Test
  void writesWhatItReads() {
    RolloutPlan plan = RolloutPlan.builder().step(RolloutStep.shadow(10))
        .step(RolloutStep.canary(123, Duration.ofMinutes(30))).hostMetric("queue.depth")
        .gates(dev.mlops.scoping.Objectives.builder().atMost("queue.depth", 5, 3).build()).failureLimit(2).build();
    assertThat(RolloutPlans.parse(RolloutPlans.toJson(plan), "x")).isEqualTo(plan);
    assertThat(RolloutPlans.parse(RolloutPlans.toJson(RolloutPlans.parse(ISSUE_PLAN, "x")), "x"))
        .isEqualTo(RolloutPlans.parse(ISSUE_PLAN, "x"));
  }

  @Test
  void badPlansGetErrorsNamingTheField() {
    assertThatThrownBy(() -> RolloutPlans.parse("{\"steps\": []}", "p.json"))
        .isInstanceOf(DataFormatException.class).hasMessage("p.json: \"steps\" must be a non-empty array");
    assertThatThrownBy(() -> RolloutPlans.parse("{\"steps\": [{\"weight\": 1.5}]}", "p.json"))
        .hasMessage("p.json: steps[0].weight must be a fraction in [0, 1] (0..10000 basis points), was 1.5");
    assertThatThrownBy(() -> RolloutPlans.parse(
        "{\"steps\": [{\"shadow\": true, \"requests\": 5}], \"gates\": [{\"metric\": \"gpu.temp\", \"atMost\": 80}]}", "p.json"))
        .hasMessageStartingWith("p.json: gate on unknown metric 'gpu.temp'; known: [accuracy");
    assertThatThrownBy(() -> RolloutPlans.parse(
        "{\"steps\": [{\"shadow\": true}], \"gates\": [{\"metric\": \"error.rate\", \"atMost\": 1, \"atLeast\": 0}]}", "p.json"))
        .hasMessageContaining("gates[0] needs exactly one of atLeast, atMost, atMostRelative, atLeastRelative; has 2");
    assertThatThrownBy(() -> RolloutPlans.parse("{\"steps\": [{\"wieght\": 0.5}]}", "p.json"))
        .hasMessageContaining("steps[0] has unknown field \"wieght\"");
    assertThatThrownBy(() -> RolloutPlans.parse("{\"steps\": [", "p.json"))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RolloutPlans.parse("{\"steps\": [{\"shadow\": true, \"weight\": 0.5}]}", "p.json"))
        .hasMessageContaining("a shadow step sends no traffic to the candidate");
  }
}
