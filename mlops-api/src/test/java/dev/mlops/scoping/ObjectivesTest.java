package dev.mlops.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectivesTest {

  private final Objectives goals =
      Objectives.builder()
          .atLeast(KeyMetrics.ACCURACY, 0.95)
          .atMost(KeyMetrics.LATENCY_P99_MS, 50)
          .atLeast(KeyMetrics.THROUGHPUT_QPS, 200)
          .build();

  @Test
  void evaluatesEachObjectiveInOrder() {
    List<ObjectiveResult> results =
        goals.evaluate(Map.of("accuracy", 0.96, "latency.p99.ms", 61.0, "throughput.qps", 200.0));
    assertThat(results).extracting(ObjectiveResult::met).containsExactly(true, false, true);
    assertThat(goals.allMet(Map.of("accuracy", 0.96, "latency.p99.ms", 10.0))).isFalse();
  }

  @Test
  void unmeasuredOrNanIsNotMet() {
    assertThat(goals.evaluate(Map.of()).get(0).measured()).isEmpty();
    assertThat(goals.find("accuracy").orElseThrow().isMetBy(Double.NaN)).isFalse();
  }

  @Test
  void rejectsBadNamesAndDuplicates() {
    assertThatThrownBy(() -> Objectives.builder().atLeast("Accuracy", 1))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Objectives.builder().atLeast("accuracy", 1).atMost("accuracy", 2))
        .hasMessageContaining("already has an objective");
    assertThatThrownBy(() -> Objectives.builder().atLeast("accuracy", Double.NaN))
        .hasMessageContaining("finite");
  }

  @Test
  void rendersLocaleIndependently() {
    assertThat(goals.find("accuracy").orElseThrow().toString()).isEqualTo("accuracy >= 0.95");
  }
}
