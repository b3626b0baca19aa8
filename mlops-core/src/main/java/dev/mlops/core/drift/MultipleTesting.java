package dev.mlops.core.drift;

import dev.mlops.drift.Correction;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusted p-values across the p-value tests of one report: Bonferroni min(1, m·p); Benjamini–
 * Hochberg min(1, min<sub>j ≥ i</sub> m·p<sub>(j)</sub>/j) over the ascending p-values (as
 * statsmodels' {@code multipletests(method='fdr_bh')}).
 */
final class MultipleTesting {
  private MultipleTesting() {}

  static double[] adjust(double[] p, Correction correction) {
    int m = p.length;
    double[] out = new double[m];
    switch (correction) {
      case NONE -> System.arraycopy(p, 0, out, 0, m);
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          out[i] = Math.min(1.0, p[i] * m);
        }
      }
      case BH -> {
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
          order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
          int i = order[rank - 1];
          running = Math.min(running, p[i] * m / rank);
          out[i] = Math.min(1.0, running);
        }
      }
    }
    return out;
  }
}
