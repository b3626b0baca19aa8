package dev.mlops.feedback;

/**
 * Where logged predictions go besides (or instead of) the local log: the host's Kafka producer, a
 * database table, a test's list. The logger calls a sink from its own writer thread, after the
 * privacy rules were applied and never on the prediction path, one record at a time and in the
 * order they were logged; a sink that throws is counted and the record still reaches the other
 * sinks.
 *
 * <p>Implementations are called from one thread at a time and need not be thread-safe unless the
 * host shares them between loggers.
 */
public interface PredictionSink {

  /**
   * Receives one record.
   *
   * @param record the logged prediction
   * @throws Exception if it could not be delivered; the logger counts it and goes on
   */
  void accept(LoggedPrediction record) throws Exception;

  /**
   * Makes what was accepted so far durable, when the logger is flushed. Does nothing by default.
   *
   * @throws Exception if that failed; the logger counts it
   */
  default void flush() throws Exception {}

  /**
   * Releases the sink when the logger is closed. Does nothing by default.
   *
   * @throws Exception if that failed; the logger counts it
   */
  default void close() throws Exception {}
}
