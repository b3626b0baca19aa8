package dev.mlops.core.model;

import static dev.mlops.core.model.GatedModel.x;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deterministic: batches form by size (huge delay) or from what is queued (zero delay). */
class BatchingModelTest {
  private static final Duration FOREVER = Duration.ofHours(1);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  private static BatchingConfig config(int maxBatch, Duration delay, int capacity, BackPressure bp) {
    return BatchingConfig.builder().maxBatchSize(maxBatch).maxQueueDelay(delay)
        .queueCapacity(capacity).backPressure(bp).build();
  }

  private Future<Prediction> call(BatchingModel model, double value) {
    return callers.submit(() -> model.predict(x(value)));
  }

  private static void awaitQueued(BatchingModel model, int depth) {
    while (model.queueDepth() < depth) {
      Thread.onSpinWait();
    }
  }

  @Test
  void concurrentCallsMergeIntoOneBatchAndGetTheirOwnResults() throws Exception {
    GatedModel inner = new GatedModel(false);
    try (BatchingModel model = new BatchingModel(inner,
        config(4, FOREVER, 16, BackPressure.BLOCK), System::nanoTime)) {
      List<Future<Prediction>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(call(model, i));
      }
      for (int i = 0; i < 4; i++) {
        assertThat(futures.get(i).get().score().getAsDouble()).isEqualTo(i);
      }
      assertThat(inner.batchSizes).containsExactly(4);
      BatchingMetrics m = model.metrics();
      assertThat(m.requests()).isEqualTo(4);
      assertThat(m.batches()).isEqualTo(1);
      assertThat(m.batchSizes()).isEqualTo(Map.of(4, 1L));
      assertThat(m.meanBatchSize()).isEqualTo(4.0);
    }
    assertThat(inner.closed).isTrue();
  }

  @Test
  void zeroDelayTakesWhatIsQueuedWhileTheModelIsBusy() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(8, Duration.ZERO, 16, BackPressure.BLOCK), System::nanoTime)) {
      Future<Prediction> first = call(model, 1);
      inner.firstBatchEntered.await();
      List<Future<Prediction>> waiting = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiting.add(call(model, 10 + i));
      }
      awaitQueued(model, 3);
      inner.gate.countDown();
      assertThat(first.get().score().getAsDouble()).isEqualTo(1);
      for (int i = 0; i < 3; i++) {
        assertThat(waiting.get(i).get().score().getAsDouble()).isEqualTo(10 + i);
      }
      assertThat(inner.batchSizes).containsExactly(1, 3);
    }
  }

  @Test
  void batchesNeverExceedTheMaximum() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(2, Duration.ZERO, 16, BackPressure.BLOCK), System::nanoTime)) {
      Future<Prediction> first = call(model, 0);
      inner.firstBatchEntered.await();
      List<Future<Prediction>> rest = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        rest.add(call(model, i));
      }
      awaitQueued(model, 5);
      inner.gate.countDown();
      first.get();
      for (Future<Prediction> f : rest) {
        f.get();
      }
      assertThat(inner.batchSizes).containsExactly(1, 2, 2, 1);
    }
  }

  @Test
  void rejectPolicyFailsWithAMessageWhenTheQueueIsFull() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(8, Duration.ZERO, 1, BackPressure.REJECT), System::nanoTime)) {
      Future<Prediction> first = call(model, 1);
      inner.firstBatchEntered.await();
      Future<Prediction> queued = call(model, 2);
      awaitQueued(model, 1);
      assertThatThrownBy(() -> model.predict(x(3)))
          .isInstanceOf(ModelInferenceException.class)
          .hasMessage("model 'gated': the batching queue is full "
              + "(expected at most 1 queued records, actual 1 queued)")
          .extracting(e -> ((ModelInferenceException) e).kind())
          .isEqualTo(FailureKind.REJECTED);
      inner.gate.countDown();
      assertThat(first.get().score().getAsDouble()).isEqualTo(1);
      assertThat(queued.get().score().getAsDouble()).isEqualTo(2);
      assertThat(model.metrics().rejected()).isEqualTo(1);
      assertThat(model.metrics().requests()).isEqualTo(2);
    }
  }

  @Test
  void blockPolicyWaitsForRoomInTheQueue() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(8, Duration.ZERO, 1, BackPressure.BLOCK), System::nanoTime)) {
      Future<Prediction> first = call(model, 1);
      inner.firstBatchEntered.await();
      Future<Prediction> queued = call(model, 2);
      awaitQueued(model, 1);
      AtomicReference<Thread> blocked = new AtomicReference<>();
      Future<Prediction> third = callers.submit(() -> {
        blocked.set(Thread.currentThread());
        return model.predict(x(3));
      });
      while (blocked.get() == null || blocked.get().getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      // Parked for room: not yet accepted into the queue.
      assertThat(model.metrics().requests()).isEqualTo(2);
      inner.gate.countDown();
      assertThat(first.get().score().getAsDouble()).isEqualTo(1);
      assertThat(queued.get().score().getAsDouble()).isEqualTo(2);
      assertThat(third.get().score().getAsDouble()).isEqualTo(3);
      assertThat(model.metrics().requests()).isEqualTo(3);
      assertThat(model.metrics().rejected()).isZero();
    }
  }

  @Test
  void callerRunsPolicyPredictsOnTheCallersThread() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(8, Duration.ZERO, 1, BackPressure.CALLER_RUNS), System::nanoTime)) {
      Future<Prediction> first = call(model, 1);
      inner.firstBatchEntered.await();
      Future<Prediction> queued = call(model, 2);
      awaitQueued(model, 1);
      // The queue is full, so this call runs the model itself; open the gate from another thread.
      CompletableFuture<Void> opener = CompletableFuture.runAsync(() -> {
        while (inner.batchSizes.size() < 2) {
          Thread.onSpinWait();
        }
        inner.gate.countDown();
      }, callers);
      assertThat(model.predict(x(3)).score().getAsDouble()).isEqualTo(3);
      opener.get();
      assertThat(first.get().score().getAsDouble()).isEqualTo(1);
      assertThat(queued.get().score().getAsDouble()).isEqualTo(2);
      assertThat(model.metrics().callerRuns()).isEqualTo(1);
    }
  }

  @Test
  void aBadRecordFailsOnlyItsOwnCaller() throws Exception {
    GatedModel inner = new GatedModel(false);
    try (BatchingModel model = new BatchingModel(inner,
        config(3, FOREVER, 16, BackPressure.BLOCK), System::nanoTime)) {
      Future<Prediction> a = call(model, 1);
      Future<Prediction> bad = call(model, -1);
      Future<Prediction> c = call(model, 3);
      assertThat(a.get().score().getAsDouble()).isEqualTo(1);
      assertThat(c.get().score().getAsDouble()).isEqualTo(3);
      assertThatThrownBy(bad::get).hasCauseInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("negative")
          .extracting(e -> ((ModelInferenceException) e.getCause()).kind())
          .isEqualTo(FailureKind.INVALID_INPUT);
      assertThat(inner.batchSizes).startsWith(3).hasSize(4);
    }
  }

  @Test
  void queueTimeComesFromTheInjectedTicker() throws Exception {
    AtomicLong ticker = new AtomicLong(1_000);
    GatedModel inner = new GatedModel(false);
    try (BatchingModel model = new BatchingModel(inner,
        config(2, FOREVER, 16, BackPressure.BLOCK), ticker::get)) {
      Future<Prediction> early = call(model, 1);
      while (model.metrics().requests() < 1) {
        Thread.onSpinWait();
      }
      ticker.set(5_000);
      Future<Prediction> late = call(model, 2);
      early.get();
      late.get();
      BatchingMetrics m = model.metrics();
      assertThat(m.maxQueueTime()).isEqualTo(Duration.ofNanos(4_000));
      assertThat(m.totalQueueTime()).isEqualTo(Duration.ofNanos(4_000));
      assertThat(m.meanQueueTime()).isEqualTo(Duration.ofNanos(2_000));
      // 0 ns falls in the 1 µs bucket, 4 µs in the 4 µs bucket.
      assertThat(m.queueTimeHistogram())
          .isEqualTo(Map.of(Duration.ofNanos(1_000), 1L, Duration.ofNanos(4_000), 1L));
      assertThat(m.queueTimeQuantile(0.99)).isEqualTo(Duration.ofNanos(4_000));
      assertThat(m.queueTimeQuantile(0.5)).isEqualTo(Duration.ofNanos(1_000));
    }
  }

  @Test
  void sixteenThreadsGetExactTotalsAndTheirOwnAnswers() throws Exception {
    GatedModel inner = new GatedModel(false);
    int threads = 16;
    int calls = 300;
    try (BatchingModel model = BatchingModel.wrap(inner, BatchingConfig.defaults())) {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * 1000;
        futures.add(callers.submit(() -> {
          for (int i = 0; i < calls; i++) {
            assertThat(model.predict(x(base + i)).score().getAsDouble()).isEqualTo(base + i);
          }
          return calls;
        }));
      }
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get();
      }
      assertThat(total).isEqualTo(threads * calls);
      BatchingMetrics m = model.metrics();
      assertThat(m.requests()).isEqualTo(threads * calls);
      long batched = m.batchSizes().entrySet().stream()
          .mapToLong(e -> e.getKey() * e.getValue()).sum();
      assertThat(batched).isEqualTo(threads * calls);
      assertThat(m.batchSizes().keySet()).allSatisfy(s -> assertThat(s).isBetween(1, 32));
    }
  }

  @Test
  void theBatchRunsOnACallersThreadNotADispatcher() throws Exception {
    GatedModel inner = new GatedModel(false);
    List<Thread> callerThreads = new CopyOnWriteArrayList<>();
    try (BatchingModel model = new BatchingModel(inner,
        config(3, FOREVER, 16, BackPressure.BLOCK), System::nanoTime)) {
      List<Future<Prediction>> futures = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        double value = i;
        futures.add(callers.submit(() -> {
          callerThreads.add(Thread.currentThread());
          return model.predict(x(value));
        }));
      }
      for (int i = 0; i < 3; i++) {
        assertThat(futures.get(i).get().score().getAsDouble()).isEqualTo(i);
      }
    }
    assertThat(inner.batchThreads).hasSize(1);
    assertThat(callerThreads).contains(inner.batchThreads.get(0));
  }

  @Test
  void anInterruptedQueuedCallerWithdrawsItsRecord() throws Exception {
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = new BatchingModel(inner,
        config(8, Duration.ZERO, 16, BackPressure.BLOCK), System::nanoTime)) {
      Future<Prediction> running = call(model, 1);
      inner.firstBatchEntered.await();
      // The first queued caller leads the next batch once the model is free; the second follows.
      Future<Prediction> nextLeader = call(model, 2);
      awaitQueued(model, 1);
      AtomicReference<Thread> follower = new AtomicReference<>();
      Future<Prediction> withdrawn = callers.submit(() -> {
        follower.set(Thread.currentThread());
        return model.predict(x(3));
      });
      awaitQueued(model, 2);
      follower.get().interrupt();
      assertThatThrownBy(withdrawn::get).hasCauseInstanceOf(ModelInferenceException.class)
          .hasMessageContaining("interrupted while waiting for the batch result")
          .extracting(e -> ((ModelInferenceException) e.getCause()).kind())
          .isEqualTo(FailureKind.REJECTED);
      assertThat(model.queueDepth()).isEqualTo(1);
      inner.gate.countDown();
      assertThat(running.get().score().getAsDouble()).isEqualTo(1);
      assertThat(nextLeader.get().score().getAsDouble()).isEqualTo(2);
      assertThat(inner.batchSizes).containsExactly(1, 1);
    }
  }

  @Test
  void callsAfterCloseFailAndCloseIsIdempotent() {
    GatedModel inner = new GatedModel(false);
    BatchingModel model = BatchingModel.wrap(inner, BatchingConfig.defaults());
    model.close();
    model.close();
    assertThatThrownBy(() -> model.predict(x(1)))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessage("model 'gated': the batching front was closed (expected an open model, actual closed)")
        .extracting(e -> ((ModelInferenceException) e).kind())
        .isEqualTo(FailureKind.CLOSED);
    assertThatThrownBy(() -> model.predictBatch(List.of(x(1))))
        .hasMessageContaining("closed")
        .extracting(e -> ((ModelInferenceException) e).kind())
        .isEqualTo(FailureKind.CLOSED);
  }

  @Test
  void describesItselfAsTheWrappedModel() {
    ModelDescriptor described = ModelDescriptor.classification("churn", "v4", List.of("no", "yes"));
    Model inner = new Model() {
      @Override
      public String name() {
        return "churn";
      }

      @Override
      public String version() {
        return "v4";
      }

      @Override
      public Prediction predict(dev.mlops.data.Record record) {
        throw new UnsupportedOperationException("not called");
      }

      @Override
      public ModelDescriptor describe() {
        return described;
      }

      @Override
      public void close() {}
    };
    try (BatchingModel model = BatchingModel.wrap(inner, BatchingConfig.defaults())) {
      assertThat(model.describe()).isSameAs(described);
    }
  }

  @Test
  void theClockOfWrapTimesTheQueue() throws Exception {
    AtomicLong nanos = new AtomicLong();
    MlopsClock clock = MlopsClock.of(java.time.Clock.systemUTC(), nanos::get);
    GatedModel inner = new GatedModel(true);
    try (BatchingModel model = BatchingModel.wrap(inner,
        config(8, Duration.ZERO, 16, BackPressure.BLOCK), clock)) {
      Future<Prediction> running = call(model, 1);
      inner.firstBatchEntered.await();
      Future<Prediction> queued = call(model, 2);
      awaitQueued(model, 1);
      nanos.set(7_000);
      inner.gate.countDown();
      running.get();
      queued.get();
      assertThat(model.metrics().maxQueueTime()).isEqualTo(Duration.ofNanos(7_000));
    }
  }

  @Test
  void configRejectsBadSettingsByName() {
    assertThatThrownBy(() -> BatchingConfig.builder().maxBatchSize(0).build())
        .hasMessage("maxBatchSize must be >= 1, was 0");
    assertThatThrownBy(() -> BatchingConfig.builder().queueCapacity(0).build())
        .hasMessage("queueCapacity must be >= 1, was 0");
    assertThatThrownBy(() -> BatchingConfig.builder().maxQueueDelay(Duration.ofNanos(-1)).build())
        .hasMessageContaining("maxQueueDelay must not be negative");
    assertThat(BatchingConfig.builder().maxQueueDelayMicros(250).build().maxQueueDelay())
        .isEqualTo(Duration.ofNanos(250_000));
  }
}
