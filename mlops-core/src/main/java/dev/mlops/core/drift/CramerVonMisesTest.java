package dev.mlops.core.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * Two-sample Cramér–von Mises test with the numbers of
 * {@code scipy.stats.cramervonmises_2samp(a, b, method='auto')} (scipy 1.10).
 *
 * <p>Statistic: T = U/(n<sub>a</sub>n<sub>b</sub>N) − (4n<sub>a</sub>n<sub>b</sub> − 1)/(6N) with U
 * from the mid-ranks (Anderson 1962). p-value: exact when both samples have at most
 * {@value #EXACT_MAX_SIZE} values (the frequency-table algorithm of Xiao, Gordon and Yakovlev
 * 2006), otherwise the limiting distribution of the normalised statistic (Csörgő and Faraway
 * 1996, series summed until a term is below 1e-7, as scipy). Drift when p &lt; threshold.
 *
 * <p>The limiting p-value is 1 − cdf, which cancels: in double precision its relative error grows
 * like 1e-16 / p, and scipy's own values below about 1e-7 are noise (not even monotone in the
 * statistic: scipy 1.10 gives p = 6.8e-10 at T = 4.02, 7.5e-11 at T = 8.43 and 7.0e-10 at
 * T = 19.76). Above {@link #P_VALUE_FLOOR} this class matches scipy to 1e-9 relative; below it the
 * p-value is reported as {@link #P_VALUE_FLOOR}, read "p ≤ 5e-6", which keeps p monotone in T.
 *
 * <p>Stateless and thread-safe.
 */
final class CramerVonMisesTest {
  /** scipy's 'auto' is exact when both samples have at most this many values: {@value}. */
  public static final int EXACT_MAX_SIZE = 20;

  /**
   * Smallest p-value the limiting distribution reports, a bound: {@value}. Below it 1 − cdf has
   * lost the digits needed to agree with scipy to 1e-9 relative (see the class comment).
   */
  public static final double P_VALUE_FLOOR = 5e-6;

  private CramerVonMisesTest() {}

  /**
   * Runs the test.
   *
   * @param a first sample, finite values, at least 2
   * @param b second sample, finite values, at least 2
   * @return T and the p-value
   * @throws IllegalArgumentException if a sample has fewer than 2 values or holds NaN or ±Inf
   */
  public static TestResult test(double[] a, double[] b) {
    return testSorted(Samples.sortedCopy(a, "a", 2), Samples.sortedCopy(b, "b", 2));
  }

  /** Runs the test on samples sorted ascending (not checked), each with at least 2 values. */
  public static TestResult testSorted(double[] a, double[] b) {
    int nx = a.length;
    int ny = b.length;
    if (nx < 2 || ny < 2) {
      throw new IllegalArgumentException("samples need at least 2 values each, had " + nx + " and " + ny);
    }
    // U = nx Σ (r_i − i)² + ny Σ (s_j − j)² over the mid-ranks of each sorted sample
    int i = 0;
    int j = 0;
    double sumX = 0;
    double sumY = 0;
    while (i < nx || j < ny) {
      double v = i < nx && (j >= ny || a[i] <= b[j]) ? a[i] : b[j];
      int i0 = i;
      int j0 = j;
      while (i < nx && a[i] == v) {
        i++;
      }
      while (j < ny && b[j] == v) {
        j++;
      }
      double t = (i - i0) + (j - j0);
      double rank = (i0 + j0) + (t + 1) / 2;
      for (int r = i0; r < i; r++) {
        double d = rank - (r + 1);
        sumX += d * d;
      }
      for (int r = j0; r < j; r++) {
        double d = rank - (r + 1);
        sumY += d * d;
      }
    }
    double u = nx * sumX + ny * sumY;
    double k = (double) nx * ny;
    double bigN = (double) nx + ny;
    double t = u / (k * bigN) - (4 * k - 1) / (6 * bigN);
    double p;
    if (Math.max(nx, ny) <= EXACT_MAX_SIZE) {
      p = exactPValue(u, nx, ny);
    } else {
      double et = (1 + 1 / bigN) / 6;
      double vt = (bigN + 1) * (4 * k * bigN - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
      vt = vt / (45 * bigN * bigN * 4 * k);
      double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
      p = tn < 0.003 ? 1.0 : Math.max(P_VALUE_FLOOR, 1.0 - limitingCdf(tn));
    }
    return new TestResult(t, Samples.clip(p));
  }

  /** CDF of the limiting one-sample Cramér–von Mises distribution (Csörgő–Faraway eq. 1.2). */
  static double limitingCdf(double x) {
    double total = 0;
    for (int k = 0; ; k++) {
      double u =
          Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1))
              / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
      double y = 4.0 * k + 1;
      double q = y * y / (16 * x);
      double term = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
      total += term;
      if (!(Math.abs(term) >= 1e-7)) {
        return total;
      }
    }
  }

  /**
   * Modified Bessel function of the second kind K<sub>ν</sub>(x), x &gt; 0, from
   * K<sub>ν</sub>(x) = ∫<sub>0</sub><sup>∞</sup> e<sup>−x cosh t</sup> cosh(νt) dt by the
   * trapezoidal rule, which converges exponentially for this analytic, doubly exponentially
   * decaying integrand.
   */
  static double besselK(double nu, double x) {
    double step = 0.02;
    double sum = 0.5 * Math.exp(-x);
    for (int i = 1; ; i++) {
      double t = i * step;
      double term = Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t);
      sum += term;
      if (term < sum * 1e-18) {
        break;
      }
    }
    return sum * step;
  }

  /** Exact P(U' ≥ u) by the frequency tables of g(u, v) over the lattice (Xiao et al. 2006). */
  static double exactPValue(double s, int m, int n) {
    long lcm = (long) m / Samples.gcd(m, n) * n;
    long a = lcm / m;
    long b = lcm / n;
    double mn = (double) m * n;
    double zeta = Math.floor(
        (double) lcm * lcm * (m + n) * (6 * s - mn * (4 * mn - 1)) / (6 * mn * mn));
    // gs[v] holds the frequency table of g for column u (value -> number of paths)
    List<Map<Long, Double>> gs = new ArrayList<>();
    for (int v = 0; v <= m; v++) {
      gs.add(new HashMap<>());
    }
    gs.get(0).put(0L, 1.0);
    for (int u = 0; u <= n; u++) {
      Map<Long, Double> tmp = new HashMap<>();
      for (int v = 0; v <= m; v++) {
        Map<Long, Double> merged = new HashMap<>(tmp);
        gs.get(v).forEach((value, freq) -> merged.merge(value, freq, Double::sum));
        long shift = (a * v - b * u) * (a * v - b * u);
        Map<Long, Double> shifted = new HashMap<>(merged.size() * 2);
        merged.forEach((value, freq) -> shifted.put(value + shift, freq));
        gs.set(v, shifted);
        tmp = shifted;
      }
    }
    double combinations = 0;
    double tail = 0;
    for (Map.Entry<Long, Double> e : gs.get(m).entrySet()) {
      combinations += e.getValue();
      if (e.getKey() >= zeta) {
        tail += e.getValue();
      }
    }
    return tail / combinations;
  }
}
