package dev.mlops.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultyModelTest {
  private final FakeModel model = FakeModel.classifier("churn", "no", "yes")
      .when(r -> r.getDouble("i") % 2 == 0).label("yes", 0.75).otherwiseLabel("no").build();

  private static Record row(int i, String city) {
    return Record.of(Map.of("i", (double) i, "city", city));
  }

  private static List<Boolean> failures(Model m, int calls) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      try {
        m.predict(row(i, "Oslo"));
        out.add(false);
      } catch (ModelInferenceException e) {
        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        out.add(true);
      }
    }
    return out;
  }

  @Test
  void aSeededFractionOfCallsFailsTheSameWayEveryRun() {
    List<Boolean> first = failures(FaultyModel.wrap(model).on(FaultSelector.fractionOfCalls(0.2, 42))
        .failWith(FailureKind.TIMEOUT), 5000);
    List<Boolean> second = failures(FaultyModel.wrap(model).on(FaultSelector.fractionOfCalls(0.2, 42))
        .failWith(FailureKind.TIMEOUT), 5000);
    assertThat(first).isEqualTo(second);
    long failed = first.stream().filter(b -> b).count();
    // Binomial(5000, 0.2): mean 1000, sd 28; six sd either side.
    assertThat(failed).isBetween(830L, 1170L);
    assertThat(failures(FaultyModel.wrap(model).on(FaultSelector.fractionOfCalls(0.2, 43))
        .failWith(FailureKind.TIMEOUT), 5000)).isNotEqualTo(first);
  }

  @Test
  void aFractionOfInputsSpoilsTheSameRecordsOnEveryCall() {
    FaultyModel wrong = FaultyModel.wrap(model).on(FaultSelector.fractionOfInputs(0.3, 7)).flipLabel();
    List<String> once = new ArrayList<>();
    List<String> again = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      once.add(wrong.predict(row(i, "Oslo")).label().orElseThrow());
    }
    for (int i = 0; i < 200; i++) {
      again.add(wrong.predict(row(i, "Oslo")).label().orElseThrow());
    }
    assertThat(again).isEqualTo(once);
    assertThat(wrong.spoiledCalls() % 2).isZero();
    assertThat(wrong.spoiledCalls() / 2).isBetween(30L, 90L);
  }

  @Test
  void aSegmentIsSlowAndTheRestIsNot() {
    TestClock clock = TestClock.create();
    Model slow = FaultyModel.wrap(model).on(FaultSelector.segment(r -> "Oslo".equals(r.get("city"))))
        .slowBy(Duration.ofMillis(300), clock);
    long t0 = clock.monotonicTime();
    Prediction oslo = slow.predict(row(1, "Oslo"));
    long t1 = clock.monotonicTime();
    Prediction bergen = slow.predict(row(1, "Bergen"));
    assertThat(t1 - t0).isEqualTo(300_000_000L);
    assertThat(clock.monotonicTime()).isEqualTo(t1);
    assertThat(oslo.latency()).isEqualTo(Duration.ofMillis(300));
    assertThat(bergen.latency()).isZero();
    assertThat(oslo.label()).isEqualTo(bergen.label());
  }

  @Test
  void flippingMovesToTheNextClassWithSwappedProbabilities() {
    Prediction p = FaultyModel.wrap(model).flipLabel().predict(row(2, "Oslo"));
    assertThat(p.label()).contains("no");
    assertThat(p.probabilities()).containsExactly(Map.entry("no", 0.75), Map.entry("yes", 0.25));
    FakeModel regressor = FakeModel.regressor("price").otherwiseScore(3).build();
    assertThat(FaultyModel.wrap(regressor).flipLabel().predict(row(0, "x")).score()).hasValue(-3);
  }

  @Test
  void selectorsCombineAndCheckTheirArguments() {
    FaultyModel m = FaultyModel.wrap(model)
        .on(FaultSelector.segment(r -> "Oslo".equals(r.get("city"))).and(FaultSelector.fractionOfCalls(1, 1)))
        .failWith(FailureKind.REJECTED);
    assertThat(m.predict(row(0, "Bergen")).label()).contains("yes");
    assertThatThrownBy(() -> m.predict(row(0, "Oslo"))).hasMessageContaining("injected REJECTED failure");
    assertThatThrownBy(() -> FaultSelector.fractionOfCalls(1.5, 0))
        .hasMessageContaining("fraction must be in [0, 1], was 1.5");
    m.close();
    assertThat(model.isClosed()).isTrue();
  }
}
