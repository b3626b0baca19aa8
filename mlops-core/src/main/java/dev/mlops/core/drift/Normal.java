package dev.mlops.core.drift;

import org.apache.commons.math3.special.Erf;

/** Standard normal tail, computed without the cancellation of {@code 1 - cdf}. */
final class Normal {
  private static final double SQRT2 = Math.sqrt(2.0);

  private Normal() {}

  /** P(Z &gt; z) for a standard normal Z, as scipy's {@code norm.sf}. */
  static double sf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return 0.5 * Erf.erfc(z / SQRT2);
  }
}
