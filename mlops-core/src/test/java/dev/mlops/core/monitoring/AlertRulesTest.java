package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.Objectives;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

  @Test
  void absoluteObjectivesOnMeasuredMetricsBecomeRules() {
    Objectives goals = Objectives.builder()
        .atMost(KeyMetrics.LATENCY_P99_MS, 50)
        .atLeast(KeyMetrics.ACCURACY, 0.9)
        .atLeast(KeyMetrics.F1_MACRO, 0.8)
        .atMostRelative(KeyMetrics.ERROR_RATE, 1.2)
        .build();
    List<AlertRule> rules = AlertRules.fromObjectives(goals);
    assertThat(rules).containsExactly(
        new AlertRule("objective.latency.p99.ms", "latency.p99.ms", Optional.empty(),
            AlertRule.Condition.ABOVE, 50, 1, AlertRule.DEFAULT_COOL_DOWN_WINDOWS),
        new AlertRule("objective.accuracy", "accuracy", Optional.empty(),
            AlertRule.Condition.BELOW, 0.9, 1, AlertRule.DEFAULT_COOL_DOWN_WINDOWS));
  }

  @Test
  void aRelativeObjectiveCannotBeAnAlertRule() {
    assertThatThrownBy(() -> AlertRule.fromObjective(
        Objective.atMostRelative(KeyMetrics.LATENCY_P99_MS, 1.2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("objective 'latency.p99.ms <= 1.2 x baseline' is relative to a baseline; "
            + "an alert rule needs an absolute threshold");
  }

  @Test
  void theSpecGivesMissingAndOutOfSpecRules() {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("Age", FeatureType.NUMERIC).minPresence(0.95).build())
        .feature(FeatureSpec.builder("plan", FeatureType.CATEGORICAL)
            .domain(new CategoricalDomain(List.of("a", "b"), 0.99)).build())
        .build();
    List<AlertRule> rules = AlertRules.fromSpec(spec);
    assertThat(rules).extracting(AlertRule::name).containsExactly(
        "spec.missing.age", "spec.missing.plan", "spec.out_of_spec.plan");
    assertThat(rules.get(0).threshold()).isEqualTo(1 - 0.95);
    assertThat(rules.get(0).subject()).hasValue("Age");
    assertThat(rules.get(2).threshold()).isEqualTo(1 - 0.99);
    assertThat(rules.get(2).metric()).isEqualTo(KeyMetrics.INPUT_OUT_OF_SPEC_RATE);
  }

  @Test
  void badRuleSettingsNameTheField() {
    assertThatThrownBy(() -> AlertRule.above("x", "error.rate", 0.1).forWindows(0))
        .hasMessage("forWindows of rule 'x' must be >= 1, was 0");
    assertThatThrownBy(() -> AlertRule.above("x", "error.rate", Double.NaN))
        .hasMessage("threshold of rule 'x' must be finite, was NaN");
    assertThatThrownBy(() -> AlertRule.above("Bad Name", "error.rate", 0.1))
        .hasMessageContaining("was 'Bad Name'");
  }
}
