package dev.mlops.core.monitoring;

import java.util.List;

/**
 * The population stability index, {@code sum((q - p) * ln(q / p))} over the bins, with reference
 * shares {@code p} and current shares {@code q} each floored at {@value #FLOOR} so an empty bin
 * gives a large finite term instead of infinity (the floor Evidently applies to PSI).
 *
 * <p>Stateless and thread-safe.
 */
final class Psi {
  static final String NAME = "psi";
  static final double FLOOR = 1e-4;

  private Psi() {}

  /** Returns the PSI of the counts against the shares; NaN when the counts are all 0. */
  static double of(List<Double> reference, long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int i = 0; i < counts.length; i++) {
      double p = Math.max(FLOOR, reference.get(i));
      double q = Math.max(FLOOR, (double) counts[i] / total);
      psi += (q - p) * Math.log(q / p);
    }
    return psi;
  }
}
