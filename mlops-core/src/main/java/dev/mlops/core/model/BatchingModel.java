package dev.mlops.core.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * A dynamic micro-batching front for any {@link Model}, after Triton Inference Server's dynamic
 * batcher: concurrent single-record {@link #predict(Record)} calls wait in a bounded queue and are
 * merged, up to {@link BatchingConfig#maxBatchSize()} of them, waiting at most {@link
 * BatchingConfig#maxQueueDelay()} after the batch starts forming, into one {@link
 * Model#predictBatch(List)} call; each caller gets its own prediction.
 *
 * <p><b>Leader/follower, no dispatcher thread.</b> The callers themselves run the batches: the
 * caller at the head of the queue is the <i>leader</i>; it collects the batch, calls the model on
 * its own thread, hands the leadership to the next queued caller and then completes the others
 * (its <i>followers</i>), which were parked. A thread hand-off per record (caller to dispatcher and
 * back) would cost as much as a tiny model's whole call; this way each follower is woken once and
 * the leader not at all. Exactly one batch runs at a time, so while the model is busy the next
 * batch forms from what queues up meanwhile, as with a single dispatcher.
 *
 * <p>If a merged batch fails, its records are retried one at a time, so a bad record fails only
 * its own caller. {@link #predictBatch(List)} goes straight to the model (it is a batch already).
 * {@link #metrics()} reports the batch-size histogram and queue times.
 *
 * <p>Thread-safe. {@link #close()} stops accepting calls, lets queued ones finish, waits for the
 * running batch and closes the wrapped model; it is idempotent.
 */
public final class BatchingModel implements Model {
  private static final int HISTOGRAM_BUCKETS = 40;
  /**
   * How often a waiting caller yields before it parks. With more callers than cores a yield lets
   * the leader and the callers being woken run, and a result that arrives meanwhile saves a
   * park/unpark round trip, which costs tens of microseconds on a busy machine (more than a tiny
   * model's batch); on an idle core the yields take a few microseconds. Measured with {@code
   * DynamicBatchingBenchmark}: about 1.5x the throughput of parking at once.
   */
  private static final int YIELDS_BEFORE_PARKING = 200;

  private final Model delegate;
  private final BatchingConfig config;
  private final long delayNanos;
  private final LongSupplier nanoTime;
  private final Semaphore room;
  /** Guards {@link #queue}, {@link #led}, {@link #closed} and the {@link Pending} states. */
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the queue holds a full batch or the front closes (wakes a collecting leader). */
  private final Condition full = lock.newCondition();
  /** Signalled, once closed, when a batch leaves the model (wakes {@link #close()}). */
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /** Whether some caller leads. Invariant: a non-empty queue always has a leader. */
  private boolean led;
  /**
   * Whether a batch is being collected or run. The model takes one batch at a time, so the next
   * batch forms from what queues up while it is busy; volatile, set and cleared by leaders.
   */
  private volatile boolean modelBusy;
  /** The leader waiting for {@link #modelBusy} to clear, or null. */
  private volatile Thread modelWaiter;
  private volatile boolean closed;
  /** Keeps {@link #close()} from closing the model under a direct {@link #predictBatch} call. */
  private final ReentrantReadWriteLock directCalls = new ReentrantReadWriteLock();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong callerRuns = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLongArray batchSizes;
  private final AtomicLong totalQueueNanos = new AtomicLong();
  private final AtomicLong maxQueueNanos = new AtomicLong();
  private final AtomicLongArray queueTimeBuckets = new AtomicLongArray(HISTOGRAM_BUCKETS);

  BatchingModel(Model delegate, BatchingConfig config, LongSupplier nanoTime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.config = Objects.requireNonNull(config, "config");
    this.delayNanos = config.maxQueueDelay().toNanos();
    this.nanoTime = nanoTime;
    this.room = new Semaphore(config.queueCapacity());
    this.batchSizes = new AtomicLongArray(config.maxBatchSize() + 1);
  }

  /**
   * Wraps a model. No thread is started: callers run the batches.
   *
   * @param delegate the model; closed when this front is closed
   * @param config batch size, queue delay, capacity and back-pressure
   */
  public static BatchingModel wrap(Model delegate, BatchingConfig config) {
    return wrap(delegate, config, MlopsClock.system());
  }

  /**
   * Wraps a model, measuring queue times with the clock's monotonic time. The wait for a batch
   * to fill ({@link BatchingConfig#maxQueueDelay()}) is a real wait and always uses the system's
   * monotonic time.
   *
   * @param delegate the model; closed when this front is closed
   * @param config batch size, queue delay, capacity and back-pressure
   * @param clock the clock that times {@link #metrics()}' queue times
   */
  public static BatchingModel wrap(Model delegate, BatchingConfig config, MlopsClock clock) {
    Objects.requireNonNull(clock, "clock");
    return new BatchingModel(delegate, config, clock::monotonicTime);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String version() {
    return delegate.version();
  }

  /** Returns the wrapped model's descriptor. */
  @Override
  public ModelDescriptor describe() {
    return delegate.describe();
  }

  /** Returns the settings. */
  public BatchingConfig config() {
    return config;
  }

  /**
   * Queues the record, waits for its batch (or runs it, when this caller leads) and returns its
   * prediction.
   *
   * @throws ModelInferenceException if the model fails on this record (with the model's own
   *     {@linkplain ModelInferenceException#kind() kind}); of kind {@link
   *     dev.mlops.FailureKind#REJECTED} if the queue is full under {@link BackPressure#REJECT} or
   *     the thread is interrupted while waiting for room or with its record still queued (once the
   *     record is in a running batch, the call returns its prediction and keeps the interrupt flag
   *     set); of kind {@link dev.mlops.FailureKind#CLOSED} if the front is closed
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
      throw new ModelInferenceException(FailureKind.REJECTED, name(), null,
          "at most " + config.queueCapacity() + " queued records",
          config.queueCapacity() + " queued", "the batching queue is full", null);
    }
    Pending pending = new Pending(record, nanoTime.getAsLong(), Thread.currentThread());
    boolean leads;
    lock.lock();
    try {
      if (closed) {
        room.release();
        throw closedException();
      }
      requests.incrementAndGet();
      queue.addLast(pending);
      leads = !led;
      led = true;
      if (queue.size() == config.maxBatchSize()) {
        full.signal();
      }
    } finally {
      lock.unlock();
    }
    if (leads || awaitTurn(pending)) {
      lead(pending);
    }
    return pending.outcome(this);
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
      throw new ModelInferenceException(FailureKind.REJECTED, name(), null, null, null,
          "interrupted while waiting for room in the batching queue", e);
    }
  }

  /**
   * Waits, yielding and then parked, until the follower's prediction is done (returns false) or it
   * is handed the leadership (returns true). An interrupt withdraws a record that is still queued; a record already in a
   * batch waits for that one model call and its caller gets the prediction with the interrupt flag
   * set (it also has followers of its own to wake, see {@link #wakeFollowers}).
   */
  private boolean awaitTurn(Pending p) {
    boolean interrupted = false;
    int yields = YIELDS_BEFORE_PARKING;
    try {
      while (true) {
        int state = p.state;
        if (state == Pending.DONE) {
          wakeFollowers(p.batch, p.index);
          return false;
        }
        if (state == Pending.LEADING) {
          return true;
        }
        if (yields-- > 0) {
          Thread.yield();
          continue;
        }
        LockSupport.park(this);
        if (Thread.interrupted()) {
          interrupted = true;
          if (withdraw(p)) {
            throw new ModelInferenceException(FailureKind.REJECTED, name(), null, null, null,
                "interrupted while waiting for the batch result", null);
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Withdraws an interrupted follower if its record is still queued. */
  private boolean withdraw(Pending p) {
    lock.lock();
    try {
      if (p.state != Pending.QUEUED) {
        return false;
      }
      queue.remove(p);
      room.release();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Leads one batch: waits until the model is free, collects the batch, passes the leadership on
   * (so the next leader wakes up while this batch runs, not after it), runs the batch, frees the
   * model and completes the followers. The leader's own record is the head of the queue, so it is
   * always in the batch.
   */
  private void lead(Pending self) {
    // A leader must finish its batch: an interrupt is kept for after, not acted on.
    boolean interrupted = Thread.interrupted();
    awaitModelFree();
    Pending[] batch = collect();
    interrupted |= Thread.interrupted();
    room.release(batch.length);
    Pending next;
    lock.lock();
    try {
      next = queue.peekFirst();
      if (next == null) {
        led = false;
      } else {
        next.state = Pending.LEADING;
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      LockSupport.unpark(next.thread);
    }
    runBatch(batch);
    freeModel();
    wakeFollowers(batch, 0);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until the previous batch has left the model, then claims it. Only the current leader
   * waits here, so one thread at most; it yields for a while before parking (see {@link
   * #YIELDS_BEFORE_PARKING}), because the wait is one model call.
   */
  private void awaitModelFree() {
    if (modelBusy) {
      modelWaiter = Thread.currentThread();
      for (int i = 0; modelBusy && i < YIELDS_BEFORE_PARKING; i++) {
        Thread.yield();
      }
      while (modelBusy) {
        LockSupport.park(this);
      }
      modelWaiter = null;
    }
    modelBusy = true;
  }

  /** Releases the model to the next leader, and to {@link #close()} once the front is closed. */
  private void freeModel() {
    modelBusy = false;
    Thread waiter = modelWaiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
    if (closed) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Completes and wakes the followers below position {@code index} of a finished batch, seen as a
   * binary heap with the leader at 0: each woken follower wakes the next two. Waking 31 threads
   * one after another would cost the leader more than the model call; as a tree, the wake-ups run
   * in parallel on the threads that were woken first.
   */
  private static void wakeFollowers(Pending[] batch, int index) {
    for (int child = 2 * index + 1; child <= 2 * index + 2 && child < batch.length; child++) {
      Pending p = batch[child];
      p.state = Pending.DONE;
      LockSupport.unpark(p.thread);
    }
  }

  /**
   * Waits until the queue holds a full batch, the queue delay has passed or the front closes,
   * then takes up to {@code maxBatchSize} records from its head. An interrupt does not cut the
   * wait short; it is kept in the thread's flag.
   */
  private Pending[] collect() {
    long deadline = System.nanoTime() + delayNanos;
    boolean interrupted = false;
    lock.lock();
    try {
      while (queue.size() < config.maxBatchSize() && !closed) {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
          break;
        }
        try {
          full.awaitNanos(wait);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      Pending[] batch = new Pending[Math.min(queue.size(), config.maxBatchSize())];
      for (int i = 0; i < batch.length; i++) {
        Pending p = queue.pollFirst();
        p.batch = batch;
        p.index = i;
        p.state = Pending.TAKEN;
        batch[i] = p;
      }
      return batch;
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns the number of records waiting for a batch. */
  public int queueDepth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }
  /** Predicts a batch directly on the wrapped model, bypassing the queue. */
  @Override
  public List<Prediction> predictBatch(List<? extends Record> records) {
    directCalls.readLock().lock();
    try {
      if (closed) {
        throw closedException();
      }
      return delegate.predictBatch(records);
    } finally {
      directCalls.readLock().unlock();
    }
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

  /** Calls the model once for the batch and stores each record's prediction or failure. */
  private void runBatch(Pending[] batch) {
    long now = nanoTime.getAsLong();
    for (Pending p : batch) {
      recordQueueTime(Math.max(0, now - p.enqueuedNanos));
    }
    batches.incrementAndGet();
    batchSizes.incrementAndGet(batch.length);
    try {
      List<Prediction> predictions = delegate.predictBatch(new RecordsView(batch));
      if (predictions.size() != batch.length) {
        throw new ModelInferenceException(FailureKind.ENGINE,
            name(), null, batch.length + " predictions",
            predictions.size() + " predictions", "the model returned the wrong number", null);
      }
      for (int i = 0; i < batch.length; i++) {
        batch[i].prediction = predictions.get(i);
      }
    } catch (Throwable batchFailure) {
      if (batch.length == 1) {
        batch[0].failure = batchFailure;
        return;
      }
      // One bad record must not fail the others: retry each on its own.
      for (Pending p : batch) {
        try {
          p.prediction = delegate.predict(p.record);
        } catch (Throwable single) {
          p.failure = single;
        }
      }
    }
  }

  private void recordQueueTime(long nanos) {
    totalQueueNanos.addAndGet(nanos);
    if (nanos > maxQueueNanos.get()) {
      maxQueueNanos.accumulateAndGet(nanos, Math::max);
    }
    long micros = Math.max(1, (nanos + 999) / 1000);
    int bucket = Math.min(HISTOGRAM_BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros - 1));
    queueTimeBuckets.incrementAndGet(bucket);
  }

  private ModelInferenceException closedException() {
    return new ModelInferenceException(FailureKind.CLOSED, name(), null, "an open model", "closed",
        "the batching front was closed", null);
  }

  /**
   * Stops accepting calls, lets the queued ones run, waits for the last batch and closes the
   * wrapped model; idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      full.signalAll();
      while (led || modelBusy) {
        idle.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
    directCalls.writeLock().lock();
    try {
      delegate.close();
    } finally {
      directCalls.writeLock().unlock();
    }
  }

  /** The records of a batch as a list, without copying them out. */
  private static final class RecordsView extends AbstractList<Record> implements RandomAccess {
    private final Pending[] batch;

    RecordsView(Pending[] batch) {
      this.batch = batch;
    }

    @Override
    public Record get(int index) {
      return batch[index].record;
    }

    @Override
    public int size() {
      return batch.length;
    }
  }

  /**
   * One caller's record on its way through a batch. {@link #state} moves QUEUED, then LEADING
   * (handed the leadership) or TAKEN (in a batch), then DONE; the volatile writes publish {@link
   * #batch}, {@link #prediction} and {@link #failure} to the parked caller.
   */
  private static final class Pending {
    static final int QUEUED = 0;
    static final int LEADING = 1;
    static final int TAKEN = 2;
    static final int DONE = 3;

    final Record record;
    final long enqueuedNanos;
    final Thread thread;
    volatile int state = QUEUED;
    /** The batch this record was taken into and its position there (set when TAKEN). */
    Pending[] batch;
    int index;
    Prediction prediction;
    Throwable failure;

    Pending(Record record, long enqueuedNanos, Thread thread) {
      this.record = record;
      this.enqueuedNanos = enqueuedNanos;
      this.thread = thread;
    }

    Prediction outcome(BatchingModel front) {
      if (failure == null) {
        return prediction;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      throw new ModelInferenceException(FailureKind.ENGINE, front.name(), null, null, null,
          "the batched call failed: " + failure, failure);
    }
  }
}
