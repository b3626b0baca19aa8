package dev.mlops.testkit.feedback;

import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link PredictionSink} that records what a prediction logger delivered, to assert
 * on in a test:
 *
 * <pre>{@code
 * RecordingPredictionSink sink = new RecordingPredictionSink();
 * PredictionLogger log = PredictionLogger.builder(config).sink(sink).build();
 * ...
 * log.flush();
 * assertThat(sink.records()).extracting(LoggedPrediction::requestId).containsExactly("r1", "r2");
 * }</pre>
 *
 * <p>Keeps the records themselves (immutable values), so what it returns is exactly what it was
 * given. After {@link #close()} it refuses records, as a closed store must, so that a logger counts
 * them instead of losing them silently. Passes {@link PredictionSinkContractTest}.
 *
 * <p>Thread-safe: it may be shared between loggers.
 */
public final class RecordingPredictionSink implements PredictionSink {
  private final List<LoggedPrediction> records = new ArrayList<>();
  private int flushes;
  private boolean closed;

  /** Creates an empty, open sink. */
  public RecordingPredictionSink() {}

  /**
   * Records {@code record}.
   *
   * @throws IllegalStateException if the sink was closed
   */
  @Override
  public synchronized void accept(LoggedPrediction record) {
    if (closed) {
      throw new IllegalStateException("prediction sink is closed; record '" + record.requestId() + "' refused");
    }
    records.add(record);
  }

  /** Counts the flush. */
  @Override
  public synchronized void flush() {
    flushes++;
  }

  /** Closes the sink; later records are refused. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Returns the records received so far, oldest first. */
  public synchronized List<LoggedPrediction> records() {
    return List.copyOf(records);
  }

  /** Returns how often the logger flushed the sink. */
  public synchronized int flushCount() {
    return flushes;
  }

  /** Returns whether the sink was closed. */
  public synchronized boolean isClosed() {
    return closed;
  }
}
