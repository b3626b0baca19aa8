package dev.mlops.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveVerdictTest {

  private static final Map<String, Measurement> NONE = Map.of();

  /**
   * The verdict table: objective kind, candidate value and samples, baseline value and samples
   * (-1 = absent), the sample minimum, and the expected verdict.
   */
  @ParameterizedTest(name = "{0} {1} cand={2}/n{3} base={4}/n{5} min={6} -> {7}")
  @CsvSource({
    // absolute, enough samples
    "atLeast,        0.95, 0.96, 100, -1,    -1, 50,  PASS",
    "atLeast,        0.95, 0.95, 100, -1,    -1, 50,  PASS",
    "atLeast,        0.95, 0.94, 100, -1,    -1, 50,  FAIL",
    "atMost,         50,   49,   100, -1,    -1, 50,  PASS",
    "atMost,         50,   51,   100, -1,    -1, 50,  FAIL",
    // absolute, too few samples or absent: never FAIL
    "atLeast,        0.95, 0.10, 49,  -1,    -1, 50,  INCONCLUSIVE",
    "atMost,         50,   99,   0,   -1,    -1, 1,   INCONCLUSIVE",
    "atLeast,        0.95, NaN,  100, -1,    -1, 0,   INCONCLUSIVE",
    "atLeast,        0.95, -1,   -1,  -1,    -1, 0,   INCONCLUSIVE",
    // relative factor: candidate <= 1.2 x baseline 50 = 60
    "atMostRelative, 1.2,  60,   500, 50,    480, 400, PASS",
    "atMostRelative, 1.2,  61,   500, 50,    480, 400, FAIL",
    "atMostRelative, 1.2,  61,   399, 50,    480, 400, INCONCLUSIVE",
    "atMostRelative, 1.2,  61,   500, 50,    399, 400, INCONCLUSIVE",
    "atMostRelative, 1.2,  61,   500, -1,    -1,  400, INCONCLUSIVE",
    "atMostRelative, 1.2,  61,   500, NaN,   480, 400, INCONCLUSIVE",
    // relative margin: candidate >= baseline 0.90 - 0.01 = 0.89
    "atLeastRelative, -0.01, 0.895, 200, 0.90, 200, 200, PASS",
    "atLeastRelative, -0.01, 0.88,  200, 0.90, 200, 200, FAIL",
    "atLeastRelative, -0.01, 0.88,  199, 0.90, 200, 200, INCONCLUSIVE",
    "atLeastRelative, -0.01, 0.88,  200, 0.90, 10,  0,   FAIL",
  })
  void verdictTable(String kind, double target, double cand, long n, double base, long bn,
      long min, Verdict expected) {
    Objective o = objective(kind, target).withMinSamples(min);
    Map<String, Measurement> candidate =
        n < 0 ? NONE : Map.of("m", Measurement.of(cand, n));
    Map<String, Measurement> baseline = bn < 0 ? NONE : Map.of("m", Measurement.of(base, bn));
    ObjectiveVerdict v =
        Objectives.builder().add(o).build().verdicts(candidate, baseline).get(0);
    assertThat(v.verdict()).as(v.reason()).isEqualTo(expected);
    assertThat(v.reason()).startsWith("m: ");
  }

  private static Objective objective(String kind, double target) {
    switch (kind) {
      case "atLeast":
        return Objective.atLeast("m", target);
      case "atMost":
        return Objective.atMost("m", target);
      case "atMostRelative":
        return Objective.atMostRelative("m", target);
      default:
        return Objective.atLeastRelative("m", target);
    }
  }

  @Test
  void reasonNamesMetricValueThresholdAndCounts() {
    Objectives gates = Objectives.builder()
        .atMostRelative(KeyMetrics.LATENCY_P99_MS, 1.2, 400)
        .atLeastRelative(KeyMetrics.ACCURACY, -0.01, 100)
        .atLeast(KeyMetrics.THROUGHPUT_QPS, 200, 10)
        .build();
    List<ObjectiveVerdict> v = gates.verdicts(
        Map.of("latency.p99.ms", Measurement.of(61, 500), "accuracy", Measurement.of(0.5, 20)),
        Map.of("latency.p99.ms", Measurement.of(50, 480), "accuracy", Measurement.of(0.9, 300)));

    assertThat(v.get(0).reason())
        .isEqualTo("latency.p99.ms: FAIL, 61.0 (n=500) > 60.0 (1.2 x baseline 50.0, n=480)");
    assertThat(v.get(0).threshold()).isEqualTo(60.0);
    assertThat(v.get(0).baselineSamples()).isEqualTo(480);
    assertThat(v.get(1).reason())
        .isEqualTo("accuracy: inconclusive, 20 samples, needs 100 (value 0.5); threshold >= 0.89");
    assertThat(v.get(1).threshold()).isCloseTo(0.89, offset(1e-12));
    assertThat(v.get(2).reason())
        .isEqualTo("throughput.qps: inconclusive, not measured; threshold >= 200.0");
    assertThat(v.get(2).candidate()).isEmpty();
    assertThat(v.get(2).samples()).isZero();
    assertThat(Objectives.allPass(v)).isFalse();
  }

  @Test
  void passReasonAndAllPass() {
    Objectives goals = Objectives.builder().atLeastRelative("accuracy", -0.01).build();
    List<ObjectiveVerdict> v = goals.verdicts(
        Map.of("accuracy", Measurement.of(0.9, 10)), Map.of("accuracy", Measurement.of(0.9, 10)));
    assertThat(v.get(0).reason())
        .isEqualTo("accuracy: PASS, 0.9 (n=10) >= 0.89 (baseline 0.9 - 0.01, n=10)");
    assertThat(Objectives.allPass(v)).isTrue();
  }

  @Test
  void oneArgumentFormLeavesRelativeObjectivesInconclusive() {
    Objectives goals = Objectives.builder()
        .atLeast("accuracy", 0.9)
        .atMostRelative("latency.p99.ms", 1.2)
        .build();
    List<ObjectiveVerdict> v = goals.verdicts(Map.of(
        "accuracy", Measurement.of(0.95, 10), "latency.p99.ms", Measurement.of(1, 10)));
    assertThat(v).extracting(ObjectiveVerdict::verdict)
        .containsExactly(Verdict.PASS, Verdict.INCONCLUSIVE);
    assertThat(v.get(1).reason()).isEqualTo("latency.p99.ms: inconclusive, baseline not measured");
    assertThat(v.get(1).threshold()).isNaN();
    assertThat(goals.allMet(Map.of("accuracy", 0.95, "latency.p99.ms", 1.0))).isFalse();
  }

  @Test
  void rejectsBadObjectivesNamingTheField() {
    assertThatThrownBy(() -> Objective.atLeast("accuracy", 0.9).withMinSamples(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSamples of 'accuracy' must be >= 0, was -1");
    assertThatThrownBy(() -> Objective.atMostRelative("latency.p99.ms", 0))
        .hasMessage("factor of 'latency.p99.ms' must be > 0, was 0.0");
    assertThatThrownBy(() -> Objectives.builder().atMostRelative("latency.p99.ms", -1.2, 10))
        .hasMessageContaining("factor");
    assertThatThrownBy(() -> Measurement.of(1, -1)).hasMessage("samples must be >= 0, was -1");
    assertThatThrownBy(() -> Objective.atMostRelative("x", 1.2).isMetBy(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("relative");
  }

  @Test
  void marginMayBeNegativeOrPositive() {
    assertThat(Objective.atLeastRelative("accuracy", 0.02).threshold(0.9)).isCloseTo(0.92,
        offset(1e-12));
    assertThat(Objective.atLeastRelative("accuracy", -0.01)).hasToString(
        "accuracy >= baseline - 0.01");
    assertThat(Objective.atMostRelative("latency.p99.ms", 1.2).withMinSamples(500)).hasToString(
        "latency.p99.ms <= 1.2 x baseline (min 500 samples)");
    assertThat(new Objective("accuracy", Objective.Direction.AT_LEAST, 0.95).reference())
        .isEqualTo(Objective.Reference.ABSOLUTE);
  }
}
