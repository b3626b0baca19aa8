package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.RetrainingDecision;
import dev.mlops.monitoring.RetrainingDecision.Decision;
import dev.mlops.monitoring.RetrainingPolicy;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.data.Record;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetrainingTriggerTest {
  private final TestClock clock = TestClock.create();
  private final BlockingQueue<RetrainingDecision> decisions = new LinkedBlockingQueue<>();

  private static AlertRaised alert(String rule, long window) {
    return new AlertRaised(Instant.EPOCH, "m", rule, "error.rate", Optional.empty(), 0.2, 0.1,
        window, window * 10 + 9, "error.rate = 0.2 is above the threshold 0.1");
  }

  private RetrainingTrigger watched(RetrainingTrigger trigger) {
    trigger.events().onEvent(RetrainingDecision.class, decisions::add);
    return trigger;
  }

  private Decision next() throws InterruptedException {
    RetrainingDecision d = decisions.poll(10, TimeUnit.SECONDS);
    assertThat(d).as("a decision within 10 s").isNotNull();
    return d.decision();
  }

  @Test
  void notifyModeAsksAPersonAndRespectsTheCoolDown() throws Exception {
    RetrainingPolicy policy = RetrainingPolicy.notifyOnly().coolDown(Duration.ofHours(1));
    try (RetrainingTrigger t = watched(RetrainingTrigger.notifying(policy, clock))) {
      assertThat(t.onAlert(alert("errors", 1))).hasValue(Decision.NOTIFIED);
      clock.advance(Duration.ofMinutes(30));
      assertThat(t.onAlert(alert("errors", 2))).hasValue(Decision.SKIPPED_COOL_DOWN);
      clock.advance(Duration.ofMinutes(31));
      assertThat(t.onAlert(alert("errors", 3))).hasValue(Decision.NOTIFIED);
      assertThat(decisions).extracting(RetrainingDecision::decision).containsExactly(
          Decision.NOTIFIED, Decision.SKIPPED_COOL_DOWN, Decision.NOTIFIED);
      assertThat(decisions.peek().reason()).isEqualTo(
          "retraining needed: error.rate = 0.2 is above the threshold 0.1");
    }
  }

  @Test
  void onlyTheChosenRulesTrigger() {
    RetrainingPolicy policy = RetrainingPolicy.notifyOnly().onRules(Set.of("drift"));
    try (RetrainingTrigger t = RetrainingTrigger.notifying(policy, clock)) {
      assertThat(t.onAlert(alert("errors", 1))).isEmpty();
      assertThat(t.onAlert(alert("drift", 1))).hasValue(Decision.NOTIFIED);
    }
  }

  @Test
  void atMostOneRetrainingIsInFlight() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RetrainingPolicy policy = RetrainingPolicy.automatic().coolDown(Duration.ZERO);
    try (RetrainingTrigger t = watched(RetrainingTrigger.automatic(policy,
        a -> release.await(), clock))) {
      assertThat(t.onAlert(alert("errors", 1))).hasValue(Decision.STARTED);
      assertThat(t.onAlert(alert("errors", 2))).hasValue(Decision.SKIPPED_IN_FLIGHT);
      assertThat(next()).isEqualTo(Decision.STARTED);
      assertThat(next()).isEqualTo(Decision.SKIPPED_IN_FLIGHT);
      release.countDown();
      assertThat(next()).isEqualTo(Decision.SUCCEEDED);
      assertThat(t.inFlight()).isFalse();
      assertThat(t.onAlert(alert("errors", 3))).hasValue(Decision.STARTED);
    }
  }

  @Test
  void aThrowingActionIsReportedNotRethrown() throws Exception {
    RetrainingPolicy policy = RetrainingPolicy.automatic();
    try (RetrainingTrigger t = watched(RetrainingTrigger.automatic(policy, a -> {
      throw new IllegalStateException("training cluster down");
    }, clock))) {
      t.onAlert(alert("errors", 1));
      assertThat(next()).isEqualTo(Decision.STARTED);
      assertThat(next()).isEqualTo(Decision.FAILED);
      assertThat(t.inFlight()).isFalse();
    }
  }

  @Test
  void aHangingActionIsInterruptedAtTheTimeout() throws Exception {
    // The action thread sees the interrupt asynchronously: wait for it instead of racing it.
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    RetrainingPolicy policy = RetrainingPolicy.automatic().timeout(Duration.ofMillis(50));
    try (RetrainingTrigger t = watched(RetrainingTrigger.automatic(policy, a -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    }, clock))) {
      t.onAlert(alert("errors", 1));
      assertThat(next()).isEqualTo(Decision.STARTED);
      assertThat(next()).isEqualTo(Decision.TIMED_OUT);
      assertThat(t.inFlight()).isFalse();
      assertThat(decisions).isEmpty();
    }
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aPolicyAndATriggerMustAgreeOnTheMode() {
    assertThatThrownBy(() -> RetrainingTrigger.notifying(RetrainingPolicy.automatic(), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a retraining action");
    assertThatThrownBy(() -> RetrainingPolicy.notifyOnly().timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, was PT0S");
  }

  @Test
  void aMonitorAlertReachesThePolicyOffThePredictionPath() throws Exception {
    ModelMonitor monitor = ModelMonitor.of(new SignModel(), MonitorConfig.builder()
        .window(WindowPolicy.ofCount(2))
        .rule(AlertRules.fromSpec(SignModel.SPEC).get(1))
        .build(), clock);
    try (RetrainingTrigger t = watched(
        RetrainingTrigger.notifying(RetrainingPolicy.notifyOnly(), clock))) {
      t.watch(monitor.events());
      monitor.predict(Record.of(Map.of("x", 50.0)));
      monitor.predict(Record.of(Map.of("x", 1.0)));
      monitor.close();
      RetrainingDecision d = decisions.poll(10, TimeUnit.SECONDS);
      assertThat(d).isNotNull();
      assertThat(d.decision()).isEqualTo(Decision.NOTIFIED);
      assertThat(d.rule()).isEqualTo("spec.out_of_spec.x");
      assertThat(d.window()).isZero();
    }
  }
}
