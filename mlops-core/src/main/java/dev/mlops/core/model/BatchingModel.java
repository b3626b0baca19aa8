package dev.mlops.core.model;

import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * A dynamic micro-batching front for any {@link Model}, after Triton Inference Server's dynamic
 * batcher: concurrent single-record {@link #predict(Record)} calls wait in a bounded queue, one
 * dispatcher thread merges up to {@link BatchingConfig#maxBatchSize()} of them, waiting at most
 * {@link BatchingConfig#maxQueueDelay()} after the first, into one {@link
 * Model#predictBatch(List)} call, and hands each caller its own prediction.
 *
 * <p>If a merged batch fails, its records are retried one at a time, so a bad record fails only
 * its own caller. {@link #predictBatch(List)} goes straight to the model (it is a batch already).
 * {@link #metrics()} reports the batch-size histogram and queue times.
 *
 * <p>Thread-safe. {@link #close()} stops accepting calls, lets queued ones finish, stops the
 * dispatcher and closes the wrapped model; it is idempotent.
 */
public final class BatchingModel implements Model {
  private static final Pending STOP = new Pending(null, 0);
  private static final int HISTOGRAM_BUCKETS = 40;

  private final Model delegate;
  private final BatchingConfig config;
  private final LongSupplier nanoTime;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Semaphore room;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Thread dispatcher;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong callerRuns = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLongArray batchSizes;
  private final AtomicLong totalQueueNanos = new AtomicLong();
  private final AtomicLong maxQueueNanos = new AtomicLong();
  private final AtomicLongArray queueTimeBuckets = new AtomicLongArray(HISTOGRAM_BUCKETS);
  private boolean closed;

  BatchingModel(Model delegate, BatchingConfig config, LongSupplier nanoTime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.config = Objects.requireNonNull(config, "config");
    this.nanoTime = nanoTime;
    this.room = new Semaphore(config.queueCapacity());
    this.batchSizes = new AtomicLongArray(config.maxBatchSize() + 1);
    this.dispatcher = new Thread(this::dispatchLoop, "mlops-batching-" + delegate.name());
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * Wraps a model; starts the dispatcher thread.
   *
   * @param delegate the model; closed when this front is closed
   * @param config batch size, queue delay, capacity and back-pressure
   */
  public static BatchingModel wrap(Model delegate, BatchingConfig config) {
    return new BatchingModel(delegate, config, System::nanoTime);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String version() {
    return delegate.version();
  }

  /** Returns the settings. */
  public BatchingConfig config() {
    return config;
  }

  /**
   * Queues the record, waits for its batch and returns its prediction.
   *
   * @throws ModelInferenceException if the model fails on this record, the queue is full under
   *     {@link BackPressure#REJECT}, the front is closed, or the thread is interrupted while
   *     waiting
   */
  @Override
  public Prediction predict(Record record) {
    Objects.requireNonNull(record, "record");
    if (!acquireRoom()) {
      if (config.backPressure() == BackPressure.CALLER_RUNS) {
        callerRuns.incrementAndGet();
        return delegate.predict(record);
      }
      rejected.incrementAndGet();
      throw new ModelInferenceException(name(), null,
          "at most " + config.queueCapacity() + " queued records",
          config.queueCapacity() + " queued", "the batching queue is full", null);
    }
    Pending pending = new Pending(record, nanoTime.getAsLong());
    lock.readLock().lock();
    try {
      if (closed) {
        room.release();
        throw closedException();
      }
      requests.incrementAndGet();
      queue.add(pending);
    } finally {
      lock.readLock().unlock();
    }
    return await(pending);
  }

  private boolean acquireRoom() {
    if (config.backPressure() != BackPressure.BLOCK) {
      return room.tryAcquire();
    }
    try {
      room.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelInferenceException(name(), null, null, null,
          "interrupted while waiting for room in the batching queue", e);
    }
  }

  private Prediction await(Pending pending) {
    try {
      return pending.result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ModelInferenceException(name(), null, null, null,
          "the batched call failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelInferenceException(name(), null, null, null,
          "interrupted while waiting for the batch result", e);
    }
  }

  /** Predicts a batch directly on the wrapped model, bypassing the queue. */
  @Override
  public List<Prediction> predictBatch(List<? extends Record> records) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw closedException();
      }
      return delegate.predictBatch(records);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns the number of records waiting for a batch. */
  public int queueDepth() {
    return queue.size();
  }

  /** Returns a snapshot of the counters. */
  public BatchingMetrics metrics() {
    Map<Integer, Long> sizes = new HashMap<>();
    for (int s = 1; s < batchSizes.length(); s++) {
      if (batchSizes.get(s) > 0) {
        sizes.put(s, batchSizes.get(s));
      }
    }
    Map<Duration, Long> histogram = new HashMap<>();
    for (int b = 0; b < HISTOGRAM_BUCKETS; b++) {
      if (queueTimeBuckets.get(b) > 0) {
        histogram.put(Duration.ofNanos(1000L << b), queueTimeBuckets.get(b));
      }
    }
    return new BatchingMetrics(requests.get(), rejected.get(), callerRuns.get(), batches.get(),
        sizes, Duration.ofNanos(totalQueueNanos.get()), Duration.ofNanos(maxQueueNanos.get()),
        histogram);
  }

  private void dispatchLoop() {
    long delay = config.maxQueueDelay().toNanos();
    List<Pending> batch = new ArrayList<>(config.maxBatchSize());
    boolean stopping = false;
    while (!stopping) {
      Pending first = takeUninterruptibly();
      if (first == STOP) {
        break;
      }
      batch.add(first);
      long deadline = System.nanoTime() + delay;
      while (batch.size() < config.maxBatchSize()) {
        Pending next = queue.poll();
        if (next == null) {
          long wait = deadline - System.nanoTime();
          next = wait > 0 ? pollUninterruptibly(wait) : null;
          if (next == null) {
            break;
          }
        }
        if (next == STOP) {
          stopping = true;
          break;
        }
        batch.add(next);
      }
      room.release(batch.size());
      dispatch(batch);
      batch.clear();
    }
  }

  private Pending takeUninterruptibly() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only close() stops the dispatcher, through the STOP marker.
      }
    }
  }

  private Pending pollUninterruptibly(long nanos) {
    try {
      return queue.poll(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return null;
    }
  }

  private void dispatch(List<Pending> batch) {
    long now = nanoTime.getAsLong();
    for (Pending p : batch) {
      recordQueueTime(Math.max(0, now - p.enqueuedNanos));
    }
    batches.incrementAndGet();
    batchSizes.incrementAndGet(batch.size());
    List<Record> records = new ArrayList<>(batch.size());
    batch.forEach(p -> records.add(p.record));
    try {
      List<Prediction> predictions = delegate.predictBatch(records);
      if (predictions.size() != batch.size()) {
        throw new ModelInferenceException(name(), null, batch.size() + " predictions",
            predictions.size() + " predictions", "the model returned the wrong number", null);
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(predictions.get(i));
      }
    } catch (Throwable batchFailure) {
      if (batch.size() == 1) {
        batch.get(0).result.completeExceptionally(batchFailure);
        return;
      }
      // One bad record must not fail the others: retry each on its own.
      for (Pending p : batch) {
        try {
          p.result.complete(delegate.predict(p.record));
        } catch (Throwable single) {
          p.result.completeExceptionally(single);
        }
      }
    }
  }

  private void recordQueueTime(long nanos) {
    totalQueueNanos.addAndGet(nanos);
    maxQueueNanos.accumulateAndGet(nanos, Math::max);
    long micros = Math.max(1, (nanos + 999) / 1000);
    int bucket = Math.min(HISTOGRAM_BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros - 1));
    queueTimeBuckets.incrementAndGet(bucket);
  }

  private ModelInferenceException closedException() {
    return new ModelInferenceException(name(), null, "an open model", "closed",
        "the batching front was closed", null);
  }

  /** Finishes queued calls, stops the dispatcher and closes the wrapped model; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    } finally {
      lock.writeLock().unlock();
    }
    boolean interrupted = false;
    while (dispatcher.isAlive()) {
      try {
        dispatcher.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    delegate.close();
  }

  /** A queued call. */
  private static final class Pending {
    final Record record;
    final long enqueuedNanos;
    final CompletableFuture<Prediction> result = new CompletableFuture<>();

    Pending(Record record, long enqueuedNanos) {
      this.record = record;
      this.enqueuedNanos = enqueuedNanos;
    }
  }
}
