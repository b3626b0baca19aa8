package dev.mlops.drift;

/**
 * Multiple-testing correction applied across the p-value tests of one report.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Correction {
  /** No correction (Evidently's behaviour). */
  NONE,
  /** Bonferroni: each p-value multiplied by the number of p-value tests (capped at 1). */
  BONFERRONI,
  /** Benjamini–Hochberg false discovery rate. */
  BH
}
