package dev.mlops.core.experiments;

import dev.mlops.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The asynchronous writer of a {@link FileTracker}: producers put events on a bounded queue, one
 * daemon thread drains up to {@code batchSize} at a time, appends each run's lines in one write
 * and fsyncs on a flush barrier. Queue order is kept, so a barrier put after some events is
 * reached only after they were written. Thread-safe for any number of producers.
 */
final class LogWriter {

  private sealed interface Event permits Line, Metric, Finish, Barrier {}

  private record Line(RunFile run, String json) implements Event {}

  private record Metric(RunFile run, String key, double value, long step, long timestamp) implements Event {}

  private record Finish(RunFile run) implements Event {}

  private record Barrier(CompletableFuture<Void> done, boolean stop) implements Event {}

  private final BlockingQueue<Event> queue;
  private final int batchSize;
  private final FullQueuePolicy policy;
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private final String location;
  /** Encoded metric-record prefixes by key; touched only by the writer thread. */
  private final Map<String, byte[]> metricPrefixes = new HashMap<>();
  private volatile StoreException failure;
  private volatile boolean stopping;

  LogWriter(String location, int capacity, int batchSize, FullQueuePolicy policy) {
    this.location = location;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.policy = policy;
    this.thread = new Thread(this::loop, "mlops-experiments-writer");
    thread.setDaemon(true);
    thread.start();
  }

  long droppedCount() {
    return dropped.sum();
  }

  void line(RunFile run, String json) {
    put(new Line(run, json));
  }

  void metric(RunFile run, String key, double value, long step, long timestamp) {
    Event e = new Metric(run, key, value, step, timestamp);
    if (policy == FullQueuePolicy.DROP_AND_COUNT) {
      checkUsable();
      if (!queue.offer(e)) {
        dropped.increment();
      }
    } else {
      put(e);
    }
  }

  /** Writes the pending lines of a run, fsyncs and closes its file. */
  void finish(RunFile run) {
    put(new Finish(run));
  }

  /** Waits until everything queued before this call is written and fsynced. */
  void flush() {
    awaitBarrier(false);
  }

  /** Flushes and stops the writer thread; idempotent. */
  void close() {
    if (stopping) {
      return;
    }
    try {
      awaitBarrier(true);
    } finally {
      stopping = true;
    }
  }

  private void awaitBarrier(boolean stop) {
    Barrier b = new Barrier(new CompletableFuture<>(), stop);
    put(b);
    try {
      b.done().join();
    } catch (CompletionException e) {
      throw failure != null ? failure : new StoreException(location, "write failed: " + e.getCause(), e.getCause());
    }
  }

  private void put(Event e) {
    checkUsable();
    try {
      queue.put(e);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new StoreException(location, "interrupted while waiting for room in the logging queue", ie);
    }
  }

  private void checkUsable() {
    if (failure != null) {
      throw failure;
    }
    if (stopping) {
      throw new IllegalStateException("the tracker of " + location + " is closed");
    }
  }

  private void loop() {
    List<Event> batch = new ArrayList<>(batchSize);
    Set<RunFile> dirty = new LinkedHashSet<>();
    Set<RunFile> written = new LinkedHashSet<>();
    boolean running = true;
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // only a JVM shutdown interrupts this daemon
      }
      queue.drainTo(batch, batchSize - 1);
      for (Event e : batch) {
        try {
          running = handle(e, dirty, written) && running;
        } catch (IOException | RuntimeException ex) {
          fail(ex);
          if (e instanceof Barrier b) {
            b.done().completeExceptionally(failure);
            running = !b.stop() && running;
          }
        }
      }
      try {
        writeAll(dirty, written);
      } catch (IOException | RuntimeException ex) {
        fail(ex);
      }
      batch.clear();
    }
  }

  /** Returns false when the writer must stop. */
  private boolean handle(Event e, Set<RunFile> dirty, Set<RunFile> written) throws IOException {
    if (failure != null) {
      if (e instanceof Barrier b) {
        b.done().completeExceptionally(failure);
        return !b.stop();
      }
      return true; // after a failure nothing more is written; flush() reports it
    }
    if (e instanceof Metric m) {
      byte[] prefix = metricPrefixes.computeIfAbsent(m.key(), RunLogFormat::metricPrefix);
      m.run().appendMetric(prefix, m.value(), m.step(), m.timestamp());
      dirty.add(m.run());
    } else if (e instanceof Line l) {
      l.run().append(LogLine.frame(l.json()));
      dirty.add(l.run());
    } else if (e instanceof Finish f) {
      f.run().writePending();
      dirty.remove(f.run());
      written.remove(f.run());
      f.run().sync();
      f.run().close();
    } else if (e instanceof Barrier b) {
      writeAll(dirty, written);
      for (RunFile r : written) {
        r.sync();
      }
      written.clear();
      b.done().complete(null);
      return !b.stop();
    }
    return true;
  }

  private static void writeAll(Set<RunFile> dirty, Set<RunFile> written) throws IOException {
    for (RunFile r : dirty) {
      r.writePending();
      written.add(r);
    }
    dirty.clear();
  }

  private void fail(Exception ex) {
    if (failure == null) {
      failure = ex instanceof StoreException se ? se
          : new StoreException(location, "writing the run logs failed: " + ex, ex);
    }
  }
}
