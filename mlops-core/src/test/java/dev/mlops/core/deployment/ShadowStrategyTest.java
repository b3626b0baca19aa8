package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.FailureKind;
import dev.mlops.data.Record;
import dev.mlops.deployment.PairedAccuracyTest;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.evaluation.ConfidenceInterval;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ShadowStrategyTest {
  private final TestClock clock = TestClock.create();

  private static PredictionRequest request(int i, double x) {
    return PredictionRequest.of("r" + i, ScriptedModel.x(x));
  }

  @Test
  void thePrimaryAnswersAndTheCandidatesFailuresNeverReachTheCaller() {
    ScriptedModel primary = ScriptedModel.sign("v1");
    ScriptedModel candidate = ScriptedModel.sign("v2").failingWhen(r -> r.getDouble("x") > 5);
    try (ShadowStrategy shadow = ShadowStrategy.builder(primary, candidate).clock(clock).executor(Runnable::run).build()) {
      for (int i = 0; i < 10; i++) {
        PredictionOutcome served = shadow.serve(request(i, i - 2));
        assertThat(served.arm()).isEqualTo(Arm.PRIMARY);
        assertThat(served.succeeded()).isTrue();
        assertThat(served.modelVersion()).isEqualTo("v1");
      }
      ShadowReport r = shadow.report();
      assertThat(r.shadowed()).isEqualTo(10);
      assertThat(r.compared()).isEqualTo(10);
      // x runs from -2 to 7; the candidate fails on x = 6 and 7 and agrees everywhere else
      assertThat(r.agreed()).isEqualTo(8);
      assertThat(r.agreement()).isEqualTo(0.8);
      assertThat(r.candidateFailures()).isEqualTo(2);
      assertThat(r.candidateFailuresByKind()).containsExactlyEntriesOf(java.util.Map.of(FailureKind.ENGINE, 2L));
      assertThat(r.candidateErrorRate()).isEqualTo(0.2);
      assertThat(r.disagreements()).hasSize(2);
      assertThat(r.disagreements().get(0).candidate()).isEmpty();
      assertThat(r.disagreements().get(0).features().getDouble("x")).isEqualTo(6.0);
    }
  }

  @Test
  void aFullShadowQueueDropsTheCopyAndCountsIt() {
    try (ShadowStrategy shadow = ShadowStrategy.builder(ScriptedModel.sign("v1"), ScriptedModel.sign("v2"))
        .executor(task -> {
          throw new RejectedExecutionException("full");
        }).build()) {
      assertThat(shadow.serve(request(1, 1)).succeeded()).isTrue();
      assertThat(shadow.report().dropped()).isEqualTo(1);
      assertThat(shadow.report().compared()).isZero();
    }
  }

  @Test
  void aHungCandidateFillsTheBoundedQueueWithoutSlowingThePrimary() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Model hung = new Model() {
      @Override public String name() {
        return "hung";
      }

      @Override public String version() {
        return "v2";
      }

      @Override public Prediction predict(Record record) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Prediction.classification("yes", java.util.Map.of("yes", 1.0), "v2", Duration.ZERO);
      }

      @Override public void close() {}
    };
    ShadowConfig config = ShadowConfig.defaults().withThreads(1).withQueueCapacity(4);
    try (ShadowStrategy shadow = ShadowStrategy.builder(ScriptedModel.sign("v1"), hung).config(config).build()) {
      for (int i = 0; i < 20; i++) {
        assertThat(shadow.serve(request(i, 1)).modelVersion()).isEqualTo("v1");
      }
      // one copy runs (hung), four wait, fifteen were dropped
      assertThat(shadow.report().dropped()).isEqualTo(15);
      release.countDown();
      assertThat(shadow.drain(Duration.ofSeconds(30))).isTrue();
      assertThat(shadow.report().compared()).isEqualTo(5);
    }
  }

  @Test
  void agreementCarriesAWilsonIntervalMatchingNewcombe1998() {
    // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score): 81/263 -> 0.2553, 0.3662
    ConfidenceInterval ci = ShadowComparison.wilson(81, 263);
    assertThat(ci.lower()).isCloseTo(0.2553, within(5e-5));
    assertThat(ci.upper()).isCloseTo(0.3662, within(5e-5));
    ConfidenceInterval none = ShadowComparison.wilson(0, 20); // same table: 0/20 -> 0, 0.1611
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(0.1611, within(5e-5));
  }

  @Test
  void mcnemarExactPValueIsTheTwoSidedBinomialTail() {
    // b = 1, c = 9: 2 * P(X <= 1 | Bin(10, 1/2)) = 2 * 11 / 1024, as statsmodels mcnemar(exact=True)
    assertThat(ShadowComparison.mcnemarExact(1, 9)).isCloseTo(22.0 / 1024, within(1e-15));
    assertThat(ShadowComparison.mcnemarExact(5, 5)).isEqualTo(1.0);
    assertThat(ShadowComparison.mcnemarExact(0, 0)).isEqualTo(1.0);
  }

  @Test
  void delayedLabelsGiveMcNemarsTestOfWhichModelIsRightMoreOften() {
    // The candidate is wrong on the segment x in (0, 1): it says "no" where the truth is "yes".
    ScriptedModel primary = ScriptedModel.sign("v1");
    ScriptedModel candidate = ScriptedModel.of("v2", r -> r.getDouble("x") > 1 ? "yes" : "no");
    try (ShadowStrategy shadow = ShadowStrategy.builder(primary, candidate).executor(Runnable::run)
        .joinLabels(true).build()) {
      for (int i = 0; i < 100; i++) {
        double x = (i % 4) - 1.5 + 0.25; // -1.25, -0.25, 0.75, 1.75
        shadow.serve(request(i, x));
        assertThat(shadow.label("r" + i, x > 0 ? "yes" : "no")).isTrue();
      }
      assertThat(shadow.label("unknown", "yes")).isFalse();
      PairedAccuracyTest t = shadow.report().pairedAccuracy().orElseThrow();
      assertThat(t.labelled()).isEqualTo(100);
      assertThat(t.primaryOnlyCorrect()).isEqualTo(25);
      assertThat(t.candidateOnlyCorrect()).isZero();
      assertThat(t.bothCorrect()).isEqualTo(75);
      assertThat(t.primaryBetter(0.05)).isTrue();
      assertThat(t.pValue()).isCloseTo(2 * Math.pow(0.5, 25), within(1e-15));
      assertThat(shadow.report().agreement()).isEqualTo(0.75);
    }
  }

  @Test
  void regressionPairsReportValueDeltasAndAgreeWithinTheTolerance() {
    Model a = regressor("a", 0.0);
    Model b = regressor("b", 0.5);
    try (ShadowStrategy shadow = ShadowStrategy.builder(a, b).executor(Runnable::run)
        .config(ShadowConfig.defaults().withTolerance(0.6)).build()) {
      for (int i = 0; i < 4; i++) {
        shadow.serve(request(i, i));
      }
      ShadowReport r = shadow.report();
      assertThat(r.pairedDeltas()).isEqualTo(4);
      assertThat(r.meanDelta()).isCloseTo(0.5, within(1e-12));
      assertThat(r.meanAbsoluteDelta()).isCloseTo(0.5, within(1e-12));
      assertThat(r.agreement()).isEqualTo(1.0);
    }
  }

  private static Model regressor(String version, double offset) {
    return new Model() {
      @Override public String name() {
        return "reg";
      }

      @Override public String version() {
        return version;
      }

      @Override public Prediction predict(Record record) {
        return Prediction.regression(record.getDouble("x") + offset, version, Duration.ZERO);
      }

      @Override public void close() {}
    };
  }
}
