package dev.mlops.scoping;

/**
 * Well-known metric names, shared by evaluation, rollout gates and monitoring so that an
 * {@link Objectives} entry declared once is read by all of them. Any other dot-separated lower-case
 * name is allowed too.
 *
 * <p>Constants only; thread-safe.
 */
public final class KeyMetrics {
  /** Share of correct predictions: {@value}. */
  public static final String ACCURACY = "accuracy";
  /** Macro-averaged F1: {@value}. */
  public static final String F1_MACRO = "f1.macro";
  /** 50th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P50_MS = "latency.p50.ms";
  /** 99th percentile of prediction latency in milliseconds: {@value}. */
  public static final String LATENCY_P99_MS = "latency.p99.ms";
  /** Sustained predictions per second: {@value}. */
  public static final String THROUGHPUT_QPS = "throughput.qps";
  /** Share of requests that failed: {@value}. */
  public static final String ERROR_RATE = "error.rate";

  private KeyMetrics() {}
}
