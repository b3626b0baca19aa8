package dev.mlops.testkit.model;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeModelTest {
  private static Record age(double age) {
    return Record.of(Map.of("age", age));
  }

  @Test
  void theFirstMatchingRuleAnswers() {
    FakeModel m = FakeModel.classifier("churn", "no", "yes")
        .when(r -> r.getDouble("age") > 60).label("yes", 0.9)
        .when(r -> r.getDouble("age") > 30).fail(FailureKind.INVALID_INPUT)
        .otherwiseLabel("no")
        .build();
    Prediction old = m.predict(age(70));
    assertThat(old.label()).contains("yes");
    assertThat(old.probabilities()).containsExactly(Map.entry("no", 0.09999999999999998), Map.entry("yes", 0.9));
    assertThatThrownBy(() -> m.predict(age(40)))
        .isInstanceOfSatisfying(ModelInferenceException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT))
        .hasMessageContaining("model 'churn'").hasMessageContaining("scripted INVALID_INPUT failure");
    assertThat(m.predict(age(20)).label()).contains("no");
    assertThat(m.callCount()).isEqualTo(3);
    assertThat(m.calls()).containsExactly(age(70), age(40), age(20));
  }

  @Test
  void withoutAFallbackAnUnmatchedRecordIsInvalidInput() {
    FakeModel m = FakeModel.regressor("price").when(r -> false).score(1).build();
    assertThatThrownBy(() -> m.predict(age(1)))
        .isInstanceOfSatisfying(ModelInferenceException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT))
        .hasMessageContaining("no rule of the fake model matches");
  }

  @Test
  void seededAnswersDependOnTheInputAndSeedOnly() {
    FakeModel a = FakeModel.classifier("m", "x", "y", "z").otherwiseSeeded(5).build();
    FakeModel b = FakeModel.classifier("m", "x", "y", "z").otherwiseSeeded(5).build();
    FakeModel other = FakeModel.classifier("m", "x", "y", "z").otherwiseSeeded(6).build();
    b.predict(age(99));
    assertThat(a.predict(age(3))).isEqualTo(b.predict(age(3)));
    assertThat(a.predict(age(3)).probabilities()).isNotEqualTo(other.predict(age(3)).probabilities());
    Prediction p = a.predict(age(3));
    assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
        org.assertj.core.api.Assertions.within(1e-12));
    assertThat(p.confidence().getAsDouble()).isEqualTo(p.probabilities().get(p.label().orElseThrow()));
  }

  @Test
  void latencyComesFromTheTestClock() {
    TestClock clock = TestClock.create();
    FakeModel m = FakeModel.regressor("price").otherwiseScore(12.5)
        .latency(Duration.ofMillis(40), clock).build();
    long before = clock.monotonicTime();
    m.predict(age(1));
    assertThat(clock.monotonicTime() - before).isEqualTo(40_000_000L);
    assertThat(m.predict(age(1)).latency()).isEqualTo(Duration.ofMillis(40));
    assertThat(clock.monotonicTime()).isEqualTo(80_000_000L);
  }

  @Test
  void describesItself() {
    assertThat(FakeModel.classifier("c", "a", "b").version("v2").build().describe().classLabels())
        .containsExactly("a", "b");
    assertThat(FakeModel.regressor("r").build().describe().task()).isEqualTo(ModelTask.REGRESSION);
  }

  @Test
  void afterCloseEveryCallFailsAsClosed() {
    FakeModel m = FakeModel.classifier("churn", "no", "yes").otherwiseLabel("no").build();
    m.close();
    assertThat(m.isClosed()).isTrue();
    assertThatThrownBy(() -> m.predict(age(1)))
        .isInstanceOfSatisfying(ModelInferenceException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CLOSED));
    assertThat(m.callCount()).isZero();
  }

  @Test
  void badScriptsAreRefusedWhenWritten() {
    assertThatThrownBy(() -> FakeModel.classifier("c", "only"))
        .hasMessageContaining("at least two classes, was [only]");
    assertThatThrownBy(() -> FakeModel.classifier("c", "a", "b").when(r -> true).label("z"))
        .hasMessageContaining("has no class 'z'; classes [a, b]");
    assertThatThrownBy(() -> FakeModel.regressor("r").otherwiseLabel("a"))
        .hasMessageContaining("needs a classifier; 'r' is a regressor");
    assertThatThrownBy(() -> FakeModel.classifier("c", "a", "b").when(r -> true).label("a", 1.5))
        .hasMessageContaining("probability must be in [0, 1], was 1.5");
  }

  @Test
  void modelAssertComparesAnswers() {
    FakeModel a = FakeModel.classifier("a", "no", "yes").when(r -> r.getDouble("age") > 5).label("yes", 0.8)
        .otherwiseLabel("no").build();
    FakeModel b = FakeModel.classifier("b", "no", "yes").when(r -> r.getDouble("age") > 5).label("yes", 0.8001)
        .otherwiseLabel("no").build();
    assertThat(a).on(java.util.List.of(age(1), age(9))).predictsWithin(1e-3).of(b);
    assertThatThrownBy(() -> assertThat(a).on(java.util.List.of(age(1), age(9))).predictsWithin(1e-5).of(b))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("at record 1 the score is 0.8, the reference's 0.8001");
    assertThat(a).predictsLabel(age(9), "yes");
    assertThatThrownBy(() -> assertThat(a).predictsLabel(age(1), "yes"))
        .hasMessageContaining("to predict label 'yes'");
  }
}
