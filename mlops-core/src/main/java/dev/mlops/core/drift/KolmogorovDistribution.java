package dev.mlops.core.drift;

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D<sub>n</sub>, the
 * distribution scipy calls {@code kstwo}. {@code ks_2samp} uses it with n = round(mn/(m+n)) above
 * its exact limit. The regions follow Simard and L'Ecuyer (2011), as scipy 1.10's
 * {@code _kolmogn}: closed forms near the ends of the support (Ruben–Gambino), the one-sided
 * Smirnov sum for large x, the Durbin matrix (Marsaglia–Tsang–Wang) for small n·x and the
 * Pelz–Good series otherwise. Where scipy uses the Pomeranz recursion (n ≤ 140, 0.754693 &lt;
 * nx² ≤ 4) this class uses the Durbin matrix, which is exact too.
 */
final class KolmogorovDistribution {
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double SQRT3 = Math.sqrt(3);
  /** Rescaling factor of the matrix power, 2^128, to keep entries in range. */
  private static final int E128 = 128;
  private static final double EP128 = Math.scalb(1.0, E128);
  private static final double EM128 = Math.scalb(1.0, -E128);
  private static final double[] STIRLING = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
    8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private KolmogorovDistribution() {}

  /** Returns P(D<sub>n</sub> &gt; x), clipped to [0, 1]. */
  static double sf(long n, double x) {
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) {
      if (t <= 0.5) {
        return 1.0;
      }
      double cdf;
      if (n <= 140) {
        cdf = 1.0;
        for (long i = 1; i <= n; i++) {
          cdf *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - cdf);
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * smirnov(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 4) {
        return clip(1.0 - durbinCdf((int) n, x));
      }
      return clip(2 * smirnov(n, x));
    }
    if (nxSquared >= 370.0) {
      return 0.0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * smirnov(n, x));
    }
    double cdf =
        n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf((int) n, x) : pelzGoodCdf(n, x);
    return clip(1.0 - cdf);
  }

  /** log(n!/n^n) by Stirling's series. */
  private static double logFactorialOverPower(long n) {
    double rn = 1.0 / n;
    double u = rn / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * u + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /**
   * One-sided Smirnov survival P(D<sub>n</sub><sup>+</sup> &gt; x) by the Birnbaum–Tingey sum,
   * all terms positive, each evaluated in logarithms.
   */
  static double smirnov(long n, double x) {
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    long last = (long) Math.floor(n * (1.0 - x));
    double logX = Math.log(x);
    // log C(n, j), Kahan-summed: it grows to ~n·ln 2 and the dominant terms sit at large j, so
    // plain summation would lose ~1e-9 of relative accuracy at n = 500,000
    double logBinom = 0;
    double compensation = 0;
    double sum = 0;
    double previous = 0;
    for (long j = 0; j <= last; j++) {
      if (j > 0) {
        double y = Math.log((double) (n - j + 1) / j) - compensation;
        double t = logBinom + y;
        compensation = (t - logBinom) - y;
        logBinom = t;
      }
      double p = x + (double) j / n;
      double q = 1.0 - p;
      double logTerm = logBinom + logX + (j - 1) * Math.log(p);
      if (n - j > 0) {
        if (q <= 0) {
          continue;
        }
        logTerm += (n - j) * Math.log(q);
      }
      double term = Math.exp(logTerm);
      sum += term;
      if (j > 0 && term < previous && term < sum * 1e-18) {
        break;
      }
      previous = term;
    }
    return sum;
  }

  /** P(D<sub>n</sub> ≤ d) by the Durbin matrix, powered by repeated squaring with rescaling. */
  static double durbinCdf(int n, double d) {
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - i + 1];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    double[][] power = identity(m);
    int exponent = 0;
    int hExponent = 0;
    int nn = n;
    while (nn > 0) {
      if (nn % 2 == 1) {
        power = multiply(power, hm);
        exponent += hExponent;
      }
      hm = multiply(hm, hm);
      hExponent *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > EP128) {
        scale(hm, EM128);
        hExponent += E128;
      }
      nn /= 2;
    }
    double p = power[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < EM128) {
        p *= EP128;
        exponent -= E128;
      }
    }
    return exponent != 0 ? Math.scalb(p, exponent) : p;
  }

  /** Pelz–Good asymptotic series for P(D<sub>n</sub> ≤ x), four terms in 1/√n. */
  static double pelzGoodCdf(long n, double x) {
    double z = Math.sqrt((double) n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI2 / 8 / z2;
    if (qlog < -708) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] terms = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double m = 2.0 * k - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qpower = Math.pow(q, 8.0 * k);
      terms[0] = terms[0] * qpower + 1.0;
      terms[1] = terms[1] * qpower + (k1a + k1b * m2);
      terms[2] = terms[2] * qpower + (k2a + k2b * m2 + k2c * m4);
      terms[3] = terms[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
    }
    double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      terms[i] = terms[i] * q * SQRT2PI / divisors[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double k2extra = 0;
    double k3extra = 0;
    double sqrt3z = SQRT3 * z;
    for (int k = maxk; k > 0; k--) {
      double k2 = (double) k * k;
      double qk = Math.pow(q2, k2);
      double kpi = Math.PI * k;
      k2extra += k2 * qk;
      k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
    }
    terms[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
    terms[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += terms[i] / Math.pow((double) n, i / 2.0);
    }
    return sum;
  }

  private static double[][] identity(int m) {
    double[][] id = new double[m][m];
    for (int i = 0; i < m; i++) {
      id[i][i] = 1.0;
    }
    return id;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ci = c[i];
      for (int k = 0; k < m; k++) {
        double aik = a[i][k];
        if (aik == 0) {
          continue;
        }
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return c;
  }

  private static void scale(double[][] a, double factor) {
    for (double[] row : a) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= factor;
      }
    }
  }

  private static double clip(double p) {
    return Math.min(1.0, Math.max(0.0, p));
  }
}
