package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.Record;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.events.RolloutEvent;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of the issue: 16 threads push requests through canary and shadow; per-arm
 * counts add up exactly, the candidate's share at weight w is w within 3 standard errors, and keys
 * never flip back to the primary as w grows (while other threads keep serving).
 */
class DeploymentConcurrencyTest {
  private static final int THREADS = 16;
  /** Requests per thread through the canary: 16 x 1M = 16M in all (the figure). */
  private static final int CANARY_PER_THREAD = 1_000_000;
  /** Requests per thread through the shadow: 16 x 25k = 400k (each also runs the shadow copy). */
  private static final int SHADOW_PER_THREAD = 25_000;

  /** A constant classifier that allocates as little as possible, so the test measures routing. */
  private static Model constant(String version, String label) {
    Prediction p = Prediction.classification(label, Map.of(label, 1.0), version, Duration.ZERO);
    return new Model() {
      @Override public String name() {
        return "const";
      }

      @Override public String version() {
        return version;
      }

      @Override public Prediction predict(Record record) {
        return p;
      }

      @Override public void close() {}
    };
  }

  private static void run(int threads, java.util.function.IntConsumer body) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
          body.accept(id);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void canaryCountsAddUpAndTheShareIsWithinThreeStandardErrors() throws Exception {
    LongAdder observedPrimary = new LongAdder();
    LongAdder observedCandidate = new LongAdder();
    CanaryStrategy canary = CanaryStrategy.builder(constant("v1", "a"), constant("v2", "a"))
        .salt("acceptance").weightBps(500).clock(TestClock.create())
        .observer(o -> (o.arm() == Arm.PRIMARY ? observedPrimary : observedCandidate).increment())
        .build();
    Record features = ScriptedModel.x(1);
    LongAdder returnedCandidate = new LongAdder();
    run(THREADS, t -> {
      long local = 0;
      for (int i = 0; i < CANARY_PER_THREAD; i++) {
        PredictionRequest r = new PredictionRequest("r", java.util.Optional.of("t" + t + "-" + i), features,
            java.time.Instant.EPOCH);
        PredictionOutcome o = canary.serve(r);
        if (o.arm() == Arm.CANDIDATE) {
          local++;
        }
      }
      returnedCandidate.add(local);
    });
    long n = (long) THREADS * CANARY_PER_THREAD;
    assertThat(canary.primaryServed() + canary.candidateServed()).isEqualTo(n);
    assertThat(observedPrimary.sum() + observedCandidate.sum()).isEqualTo(n);
    assertThat(canary.candidateServed()).isEqualTo(returnedCandidate.sum()).isEqualTo(observedCandidate.sum());
    double w = 0.05;
    double se = Math.sqrt(w * (1 - w) / n);
    assertThat((double) canary.candidateServed() / n).isBetween(w - 3 * se, w + 3 * se);
  }

  @Test
  void stickyKeysNeverFlipWhileOtherThreadsRaiseTheWeight() throws Exception {
    CanaryStrategy canary = CanaryStrategy.builder(constant("v1", "a"), constant("v2", "a"))
        .salt("sticky").weightBps(100).build();
    Record features = ScriptedModel.x(1);
    List<String> early = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      String key = "k" + i;
      if (canary.route(PredictionRequest.builder(features).routingKey(key).build()) == Arm.CANDIDATE) {
        early.add(key);
      }
    }
    LongAdder flips = new LongAdder();
    run(THREADS, t -> {
      for (int round = 0; round < 20; round++) {
        if (t == 0) {
          canary.weightBps(Math.min(10_000, 100 + round * 500));
        }
        for (int i = t; i < early.size(); i += THREADS) {
          PredictionRequest r = PredictionRequest.builder(features).requestId("x").routingKey(early.get(i)).build();
          if (canary.route(r) != Arm.CANDIDATE) {
            flips.increment();
          }
        }
      }
    });
    assertThat(early).isNotEmpty();
    assertThat(flips.sum()).isZero();
  }

  @Test
  void theControllerJudgesEachWindowExactlyOnceUnderConcurrentTraffic() throws Exception {
    RolloutPlan plan = RolloutPlan.builder()
        .step(RolloutStep.shadow(5_000))
        .step(RolloutStep.canary(1_000, 5_000))
        .step(RolloutStep.canary(5_000, 5_000))
        .step(RolloutStep.unanalysed(10_000))
        .gates(Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.01).build())
        .build();
    List<RolloutEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    LongAdder served = new LongAdder();
    try (RolloutController c = RolloutController.builder("concurrent", plan, constant("v1", "a"), constant("v2", "a"))
        .clock(TestClock.create()).shadowConfig(ShadowConfig.defaults().withThreads(2).withQueueCapacity(8192))
        .build()) {
      c.events().onEvent(events::add);
      Record features = ScriptedModel.x(1);
      run(THREADS, t -> {
        for (int i = 0; i < 20_000; i++) {
          PredictionOutcome o = c.serve(PredictionRequest.builder(features).requestId("r")
              .routingKey("t" + t + "-" + i).build());
          if (o.succeeded()) {
            served.increment();
          }
        }
      });
      assertThat(served.sum()).isEqualTo(THREADS * 20_000L);
      assertThat(c.status().state()).isEqualTo(RolloutState.PROMOTED);
      assertThat(events).filteredOn(GatesEvaluated.class::isInstance)
          .extracting(e -> ((GatesEvaluated) e).step()).containsExactly(0, 1, 2);
      assertThat(c.auditLog()).hasSize(events.size() + 1); // + STARTED, published before we subscribed
    }
  }

  @Test
  void shadowCountsAddUpUnderConcurrentTraffic() throws Exception {
    ShadowConfig config = ShadowConfig.defaults().withThreads(2).withQueueCapacity(4096);
    try (ShadowStrategy shadow = ShadowStrategy.builder(constant("v1", "a"), constant("v2", "a"))
        .config(config).clock(TestClock.create()).build()) {
      Record features = ScriptedModel.x(1);
      LongAdder primaryAnswers = new LongAdder();
      run(THREADS, t -> {
        for (int i = 0; i < SHADOW_PER_THREAD; i++) {
          PredictionOutcome o = shadow.serve(PredictionRequest.builder(features).requestId("r").build());
          if (o.arm() == Arm.PRIMARY && o.succeeded()) {
            primaryAnswers.increment();
          }
        }
      });
      assertThat(shadow.drain(Duration.ofSeconds(60))).isTrue();
      long n = (long) THREADS * SHADOW_PER_THREAD;
      ShadowReport r = shadow.report();
      assertThat(primaryAnswers.sum()).isEqualTo(n);
      assertThat(r.shadowed()).isEqualTo(n);
      assertThat(r.compared() + r.dropped()).isEqualTo(n);
      assertThat(r.agreed()).isEqualTo(r.compared());
      assertThat(r.candidateFailures()).isZero();
    }
  }

  /**
   * Regression: on the default (asynchronous) shadow lane the host sees PROMOTED as soon as a shadow
   * thread judged the last window; closing right then used to drop the judgement's events, because
   * the shadow thread had not yet handed them to the publisher.
   */
  @Test
  void closingAsSoonAsTheStateChangesStillDeliversTheJudgementsEvents() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      RolloutPlan plan = RolloutPlan.builder()
          .step(RolloutStep.shadow(5))
          .step(RolloutStep.unanalysed(10_000))
          .gates(Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.5).build())
          .build();
      List<RolloutEvent> seen = new CopyOnWriteArrayList<>();
      RolloutState state;
      try (RolloutController c = RolloutController.builder("race", plan, constant("v1", "yes"), constant("v2", "yes"))
          .salt("s").build()) {
        c.events().onEvent(seen::add);
        for (int i = 0; c.status().state() == RolloutState.RUNNING && i < 100_000; i++) {
          c.serve(PredictionRequest.builder(Record.of(Map.of("x", (double) i))).routingKey("k" + i).build());
        }
        state = c.status().state();
      }
      assertThat(state).isEqualTo(RolloutState.PROMOTED);
      assertThat(seen).as("attempt %d", attempt)
          .anySatisfy(e -> assertThat(e).isInstanceOf(GatesEvaluated.class))
          .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RolloutTransition.class,
              t -> assertThat(t.kind()).isEqualTo(RolloutTransition.Kind.PROMOTED)));
    }
  }
}
