package dev.mlops.scoping;

/** The outcome of one {@link Objective} against measurements. Enum constants are thread-safe. */
public enum Verdict {
  /** Measured on enough samples and meets the threshold. */
  PASS,
  /** Measured on enough samples and misses the threshold. */
  FAIL,
  /**
   * Cannot tell yet: the metric (or the baseline a relative objective needs) was not measured, is
   * NaN, or rests on fewer samples than required. Never counted as a failure.
   */
  INCONCLUSIVE
}
