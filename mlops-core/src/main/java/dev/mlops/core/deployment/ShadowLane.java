package dev.mlops.core.deployment;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where shadow calls run: a bounded pool of daemon threads with a bounded queue, so a slow or hung
 * candidate can never hold up the primary's caller; when the queue is full the copy is dropped and
 * the caller learns it at once ({@link #offer} returns false). A host may pass its own executor
 * instead, which is then never shut down here.
 *
 * <p>Thread-safe.
 */
final class ShadowLane implements AutoCloseable {
  private final Executor executor;
  private final ThreadPoolExecutor owned;

  private ShadowLane(Executor executor, ThreadPoolExecutor owned) {
    this.executor = executor;
    this.owned = owned;
  }

  static ShadowLane bounded(String name, int threads, int queueCapacity) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), r -> {
          Thread t = new Thread(r, "mlops-shadow-" + name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    return new ShadowLane(pool, pool);
  }

  static ShadowLane of(Executor executor) {
    return new ShadowLane(executor, null);
  }

  /** Runs the task on the lane; returns false (the copy is dropped) when it has no room. */
  boolean offer(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Stops an owned pool after the queued copies ran (waits up to {@code timeoutMillis}). */
  boolean drain(long timeoutMillis) {
    if (owned == null) {
      return true;
    }
    owned.shutdown();
    try {
      return owned.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.shutdownNow();
    }
  }
}
