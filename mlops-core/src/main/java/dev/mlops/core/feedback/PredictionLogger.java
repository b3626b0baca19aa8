package dev.mlops.core.feedback;

import dev.mlops.core.events.EventDispatcher;
import dev.mlops.core.events.EventDispatchers;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.FeedbackEvent;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.LogWriteFailed;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import dev.mlops.feedback.PredictionsDropped;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Records every prediction (or a seeded sample) to a local, rotating JSON Lines log and to the
 * host's {@link PredictionSink}s, off the prediction path:
 *
 * <pre>{@code
 * try (PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.defaults(dir))
 *     .hmacKey(key).build()) {
 *   PredictionOutcome outcome = PredictionOutcomes.invoke(model, request, Arm.PRIMARY, clock);
 *   log.log(outcome);     // never blocks, never throws
 * }
 * }</pre>
 *
 * <p>{@link #log} applies the privacy rules and puts the record on a bounded queue; one daemon
 * thread encodes records into checksummed lines (the experiment store's framing), appends them in
 * batches, rotates files by size and age and deletes old ones. A full queue, an unwritable folder
 * or a full disk drops records: each is counted ({@link #dropped()}) and announced by a
 * {@link PredictionsDropped} or {@link LogWriteFailed} event; the prediction is never affected.
 * {@link #flush()} and {@link #close()} wait until what was logged before them is written and
 * synced to disk.
 *
 * <p>Thread-safe: any number of threads may log at once. Events are delivered on a separate
 * thread.
 */
public final class PredictionLogger implements Consumer<PredictionOutcome>, AutoCloseable {
  /** Most records the writer takes from the queue for one write: {@value}. */
  static final int BATCH_SIZE = 4096;

  private record Barrier(CompletableFuture<Void> done, boolean stop) {}

  private final String name;
  private final PredictionLogConfig config;
  private final MlopsClock clock;
  private final PrivacyFilter privacy;
  private final List<PredictionSink> sinks;
  private final boolean localLog;
  /**
   * Lock-free, so a producer never waits for the writer's lock (an {@code ArrayBlockingQueue}'s
   * {@code offer} does, and a descheduled writer holding it stalls every prediction); bounded by
   * {@link #queued}.
   */
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  /**
   * Set by the writer before it parks; the one producer that clears it unparks it. Every producer
   * that saw a plain flag set unparked it, so while the writer was waking each call paid for an
   * {@code unpark} of its own.
   */
  private final AtomicBoolean writerParked = new AtomicBoolean();
  private final EventDispatcher<FeedbackEvent> events;
  private final Thread writer;
  private final long sampleThreshold;
  private final LongAdder sampledOut = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final LongAdder sinkFailures = new LongAdder();
  private final AtomicLong nextDropReport = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean closed;

  private PredictionLogger(Builder b) {
    this.name = b.name;
    this.config = b.config;
    this.clock = b.clock;
    this.privacy = new PrivacyFilter(config.privacy(), b.key);
    this.sinks = List.copyOf(b.sinks);
    this.localLog = b.localLog;
    this.events = EventDispatchers.asynchronous(name, clock);
    this.sampleThreshold = config.sampleRate() >= 1 ? Long.MAX_VALUE
        : (long) (config.sampleRate() * 0x1p63);
    this.writer = new Thread(new Writer(), "mlops-prediction-log-" + name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Starts a builder for a log with these settings. */
  public static Builder builder(PredictionLogConfig config) {
    return new Builder(config);
  }

  /** Returns the logger's name, the source of its events. */
  public String name() {
    return name;
  }

  /** Returns where its {@link PredictionsDropped} and {@link LogWriteFailed} events go. */
  public EventPublisher<FeedbackEvent> events() {
    return events;
  }

  /** Same as {@link #log}. */
  @Override
  public void accept(PredictionOutcome outcome) {
    log(outcome);
  }

  /**
   * Records an outcome unless the sample leaves it out: applies the privacy rules and queues it.
   * Never blocks and never throws; a record that cannot be queued is dropped and counted.
   */
  public void log(PredictionOutcome outcome) {
    try {
      if (!sampled(outcome.requestId())) {
        sampledOut.increment();
        return;
      }
      if (closed) {
        drop("the logger is closed");
        return;
      }
      LoggedPrediction record =
          LoggedPrediction.of(outcome, privacy.apply(outcome.request().features()));
      if (queued.incrementAndGet() > config.queueCapacity()) {
        queued.decrementAndGet();
        drop("queue full (capacity " + config.queueCapacity() + ")");
        return;
      }
      enqueue(record);
    } catch (RuntimeException e) {
      drop("cannot record the outcome: " + e.getMessage());
    }
  }

  /** Queues an item and wakes the writer if it sleeps; barriers bypass the capacity. */
  private void enqueue(Object item) {
    queue.offer(item);
    if (writerParked.get() && writerParked.compareAndSet(true, false)) {
      LockSupport.unpark(writer);
    }
  }

  /** Whether a request id is in the sample: a mix of its hash and the seed, below the rate. */
  private boolean sampled(String requestId) {
    if (sampleThreshold == Long.MAX_VALUE) {
      return true;
    }
    long z = config.seed() + 0x9E3779B97F4A7C15L * (requestId.hashCode() + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 1) < sampleThreshold;
  }

  private void drop(String reason) {
    dropped.increment();
    report(reason);
  }

  private void report(String reason) {
    long now = clock.monotonicTime();
    long next = nextDropReport.get();
    if (now >= next
        && nextDropReport.compareAndSet(next, now + config.dropReportInterval().toNanos())) {
      events.publish(new PredictionsDropped(clock.instant(), name, reason, dropped.sum()));
    }
  }

  /** Returns how many records were written to the local log (or handed to sinks, without one). */
  public long written() {
    return written.sum();
  }

  /** Returns how many records were dropped: full queue, closed logger, failed writes. */
  public long dropped() {
    return dropped.sum();
  }

  /** Returns how many requests the sample left out. */
  public long sampledOut() {
    return sampledOut.sum();
  }

  /** Returns how many writes to the local log failed. */
  public long writeFailures() {
    return writeFailures.sum();
  }

  /** Returns how many times a sink threw. */
  public long sinkFailures() {
    return sinkFailures.sum();
  }

  /**
   * Waits until every record logged before this call is written and synced (or dropped and
   * counted, when the disk fails). Returns at once after {@link #close()}.
   */
  public void flush() {
    awaitBarrier(false);
  }

  /** Flushes, stops the writer thread and closes the sinks and the event publisher. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    awaitBarrier(true);
    events.close();
  }

  private void awaitBarrier(boolean stop) {
    if (!writer.isAlive()) {
      return;
    }
    Barrier b = new Barrier(new CompletableFuture<>(), stop);
    enqueue(b);
    boolean interrupted = false;
    while (true) {
      try {
        b.done().get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (java.util.concurrent.ExecutionException e) {
        break; // the writer reports its failures as events and counts; flush itself never fails
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The writer thread: encodes, rotates, writes, syncs on barriers, feeds the sinks. */
  private final class Writer implements Runnable {
    private final LineBuffer buffer = new LineBuffer();
    private final PredictionLogFormat.Encoder encoder = new PredictionLogFormat.Encoder(buffer);
    private final LogFiles files = new LogFiles(config, clock);

    @Override
    public void run() {
      List<Object> batch = new ArrayList<>(BATCH_SIZE);
      while (true) {
        if (!take(batch)) {
          return; // only a JVM shutdown interrupts this daemon
        }
        for (int i = 0; i < batch.size(); i++) {
          Object o = batch.get(i);
          if (o instanceof LoggedPrediction r) {
            record(r);
          } else if (o instanceof Barrier b && barrier(b)) {
            countLeftBehind(batch.subList(i + 1, batch.size()));
            return;
          }
        }
        batch.clear();
        writePending();
      }
    }

    /**
     * Waits for at least one item and takes up to {@value #BATCH_SIZE}. The flag is set before
     * the queue is checked again, and producers check it after queueing, so a wake-up is never
     * missed (an unpark that comes before the park makes the park return at once); the timed park
     * only bounds a sleep, it does not poll for work.
     *
     * @return false if the thread was interrupted
     */
    private boolean take(List<Object> batch) {
      while (true) {
        Object o;
        int records = 0;
        while (batch.size() < BATCH_SIZE && (o = queue.poll()) != null) {
          if (o instanceof LoggedPrediction) {
            records++;
          }
          batch.add(o);
        }
        if (!batch.isEmpty()) {
          // once per batch: a decrement per record bounced the counter's cache line between the
          // writer and every producer's increment
          queued.addAndGet(-records);
          return true;
        }
        writerParked.set(true);
        if (queue.isEmpty()) {
          LockSupport.parkNanos(this, 1_000_000_000L);
        }
        writerParked.set(false);
        if (Thread.interrupted()) {
          return false;
        }
      }
    }

    /** Records that raced {@link #close()} into the queue after its barrier: dropped, counted. */
    private void countLeftBehind(List<Object> rest) {
      List<Object> left = new ArrayList<>(rest);
      for (Object o; (o = queue.poll()) != null; ) {
        left.add(o);
      }
      for (Object o : left) {
        if (o instanceof LoggedPrediction) {
          dropped.increment();
        } else if (o instanceof Barrier b) {
          b.done().complete(null);
        }
      }
    }

    private void record(LoggedPrediction r) {
      if (localLog) {
        if (files.shouldRotate(buffer.size())) {
          writePending();
          try {
            files.rotate();
          } catch (IOException e) {
            failed(0, e);
          }
        }
        try {
          encoder.append(r);
        } catch (IOException | RuntimeException e) {
          drop("cannot encode record " + r.requestId() + ": " + e.getMessage());
        }
      } else {
        written.increment();
      }
      for (PredictionSink sink : sinks) {
        try {
          sink.accept(r);
        } catch (Exception e) {
          sinkFailures.increment();
        }
      }
    }

    /** Returns whether the writer must stop. */
    private boolean barrier(Barrier b) {
      writePending();
      try {
        files.sync();
      } catch (IOException e) {
        failed(0, e);
      }
      for (PredictionSink sink : sinks) {
        try {
          if (b.stop()) {
            sink.flush();
            sink.close();
          } else {
            sink.flush();
          }
        } catch (Exception e) {
          sinkFailures.increment();
        }
      }
      if (b.stop()) {
        try {
          files.close();
        } catch (IOException e) {
          failed(0, e);
        }
      }
      b.done().complete(null);
      return b.stop();
    }

    private void writePending() {
      int lines = buffer.lines();
      if (lines == 0) {
        return;
      }
      try {
        files.write(buffer.array(), buffer.size());
        written.add(lines);
      } catch (IOException | RuntimeException e) {
        failed(lines, e);
      } finally {
        buffer.clear();
      }
    }

    private void failed(int lostRecords, Exception e) {
      writeFailures.increment();
      dropped.add(lostRecords);
      String file = files.currentName();
      files.abandon();
      String reason = e.getMessage() != null ? e.getMessage() : e.toString();
      if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
        reason = fse.getReason();
      }
      events.publish(new LogWriteFailed(clock.instant(), name, file, reason, lostRecords));
    }
  }

  /** Builds {@link PredictionLogger}s; not thread-safe. */
  public static final class Builder {
    private final PredictionLogConfig config;
    private String name = "prediction-log";
    private MlopsClock clock = MlopsClock.system();
    private Optional<HmacKey> key = Optional.empty();
    private final List<PredictionSink> sinks = new ArrayList<>();
    private boolean localLog = true;

    private Builder(PredictionLogConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Sets the name, the source of its events (default {@code "prediction-log"}). */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /** Sets the clock that stamps events and drives time-based rotation (default: the system's). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets the key for the privacy policy's hashed fields; never logged. */
    public Builder hmacKey(HmacKey value) {
      this.key = Optional.of(Objects.requireNonNull(value, "hmacKey"));
      return this;
    }

    /** Adds a sink that receives every logged record too. */
    public Builder sink(PredictionSink value) {
      sinks.add(Objects.requireNonNull(value, "sink"));
      return this;
    }

    /** Sets whether records go to the local log files (default {@code true}); sinks only otherwise. */
    public Builder localLog(boolean value) {
      this.localLog = value;
      return this;
    }

    /**
     * Builds the logger and starts its writer thread. The folder is created at the first write;
     * if that fails the logger reports it and drops, as for any write failure.
     *
     * @throws IllegalArgumentException if the privacy policy hashes fields and no key was given
     */
    public PredictionLogger build() {
      return new PredictionLogger(this);
    }
  }
}
