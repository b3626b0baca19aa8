package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded test streams: sudden and gradual mean shifts, a variance change, stationary streams, and
 * 0/1 error streams. {@link Random}'s sequence is specified by its Javadoc, so the streams are the
 * same on every JDK.
 */
final class Streams {
  private Streams() {}

  /** N(0, 1) for {@code at} values, then N(shift, 1). */
  static double[] sudden(long seed, int n, int at, double shift) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() + (i >= at ? shift : 0);
    }
    return x;
  }

  /** N(0, 1), with a mean rising linearly from 0 at {@code from} to {@code shift} at {@code to}. */
  static double[] gradual(long seed, int n, int from, int to, double shift) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double ramp = i < from ? 0 : i >= to ? 1 : (double) (i - from) / (to - from);
      x[i] = r.nextGaussian() + shift * ramp;
    }
    return x;
  }

  /** N(0, 1), then N(0, sd²) from {@code at}. */
  static double[] variance(long seed, int n, int at, double sd) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian() * (i >= at ? sd : 1);
    }
    return x;
  }

  /** Bernoulli errors with rate p0, then p1 from {@code at}. */
  static double[] errors(long seed, int n, int at, double p0, double p1) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() < (i >= at ? p1 : p0) ? 1 : 0;
    }
    return x;
  }

  /** Bernoulli errors whose rate rises linearly from p0 at {@code from} to p1 at {@code to}. */
  static double[] errorRamp(long seed, int n, int from, int to, double p0, double p1) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double ramp = i < from ? 0 : i >= to ? 1 : (double) (i - from) / (to - from);
      x[i] = r.nextDouble() < p0 + (p1 - p0) * ramp ? 1 : 0;
    }
    return x;
  }

  /** Values in [0, 1] (a bounded loss): Beta-like, mean m0 then m1 from {@code at}. */
  static double[] boundedLoss(long seed, int n, int at, double m0, double m1) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double m = i >= at ? m1 : m0;
      x[i] = Math.min(1, Math.max(0, m + 0.15 * r.nextGaussian()));
    }
    return x;
  }

  /** The real-valued test set (features, losses): name to stream. */
  static Map<String, double[]> realValued() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("sudden +1.5 at 3000", sudden(11, 6000, 3000, 1.5));
    m.put("sudden -1.0 at 2000", sudden(12, 5000, 2000, -1.0));
    m.put("gradual 0->2 over 2000..5000", gradual(13, 7000, 2000, 5000, 2.0));
    m.put("variance x3 at 3000", variance(14, 6000, 3000, 3.0));
    m.put("stationary N(0,1) seed 15", sudden(15, 20_000, 20_000, 0));
    m.put("stationary N(0,1) seed 16", sudden(16, 20_000, 20_000, 0));
    return m;
  }

  /** The error-rate test set (values in [0, 1]): name to stream. */
  static Map<String, double[]> errorRates() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("errors 0.1->0.3 at 2000", errors(21, 5000, 2000, 0.1, 0.3));
    m.put("errors 0.2->0.5 at 1000", errors(22, 4000, 1000, 0.2, 0.5));
    m.put("errors 0.05->0.25 ramp 2000..4000", errorRamp(23, 6000, 2000, 4000, 0.05, 0.25));
    m.put("errors 0.3->0.1 at 2000 (improvement)", errors(24, 5000, 2000, 0.3, 0.1));
    m.put("errors 0.4->0.15 at 1500 (improvement)", errors(28, 4000, 1500, 0.4, 0.15));
    m.put("stationary errors 0.1 seed 25", errors(25, 20_000, 20_000, 0.1, 0.1));
    m.put("stationary errors 0.3 seed 26", errors(26, 20_000, 20_000, 0.3, 0.3));
    m.put("bounded loss 0.3->0.45 at 2500", boundedLoss(27, 5000, 2500, 0.3, 0.45));
    return m;
  }
}
