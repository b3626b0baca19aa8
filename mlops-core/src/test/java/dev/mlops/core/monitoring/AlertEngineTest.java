package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.scoping.KeyMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** A window of 100 predictions with the given errors and feature-x missing count. */
  private static WindowSummary window(long index, long errors, long missingX) {
    return new WindowSummary(index, index * 100, index * 100 + 100, T, T, 100, 1, 2, 10,
        errors, Map.of(), Map.of("x", missingX, "y", 0L), Map.of(), Map.of(), 0, 0, Map.of(),
        Map.of(), 0, OptionalDouble.empty());
  }

  private static List<Long> firingWindows(AlertRule rule, long[] errors) {
    AlertEngine engine = new AlertEngine(List.of(rule));
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < errors.length; i++) {
      for (AlertRaised a : engine.evaluate(window(i, errors[i], 0), T, "m")) {
        out.add(a.window());
      }
    }
    return out;
  }

  @Test
  void firesOnlyAfterTheRequiredRunOfBreachingWindows() {
    AlertRule rule = AlertRule.above("errors", KeyMetrics.ERROR_RATE, 0.05).forWindows(3)
        .coolDown(0);
    // breaches at 1,2 (run of 2: no), 4,5,6,7 (fires at 6 and 7)
    assertThat(firingWindows(rule, new long[] {0, 9, 9, 0, 9, 9, 9, 9}))
        .containsExactly(6L, 7L);
  }

  @Test
  void coolDownSilencesTheFollowingWindows() {
    AlertRule rule = AlertRule.above("errors", KeyMetrics.ERROR_RATE, 0.05).coolDown(2);
    assertThat(firingWindows(rule, new long[] {9, 9, 9, 9, 9, 9, 9}))
        .containsExactly(0L, 3L, 6L);
  }

  @Test
  void aRuleWithoutSubjectWatchesEveryFeatureAndNamesIt() {
    AlertEngine engine = new AlertEngine(
        List.of(AlertRule.above("missing", KeyMetrics.INPUT_MISSING_RATE, 0.1)));
    List<AlertRaised> alerts = engine.evaluate(window(2, 0, 30), T, "m");
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.subject()).hasValue("x");
      assertThat(a.value()).isEqualTo(0.3);
      assertThat(a.threshold()).isEqualTo(0.1);
      assertThat(a.row()).isEqualTo(299);
      assertThat(a.rule()).isEqualTo("missing");
      assertThat(a.metric()).isEqualTo("input.missing.rate");
    });
  }

  @Test
  void nanNeverBreaches() {
    AlertEngine engine = new AlertEngine(
        List.of(AlertRule.below("acc", KeyMetrics.ACCURACY, 0.9)));
    assertThat(engine.evaluate(window(0, 0, 0), T, "m")).isEmpty();
  }
}
