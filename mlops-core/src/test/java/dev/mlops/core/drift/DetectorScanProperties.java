package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The shortcuts of {@link StatisticalDriftDetector}'s passes over sorted numeric samples give
 * what the full passes gave: the infinite count read from the ends of a sorted sample, and the
 * distinct count stopped at its cap, decide every comparison the detector makes with it.
 */
class DetectorScanProperties {
  /** Sorted samples of 0..80 values from 0..40 distinct values, ±Inf among them. */
  private static final Gen<double[]> SORTED =
      lists().of(integers().between(-22, 22)).ofSizeBetween(0, 80).map(codes -> {
        double[] x = codes.stream().mapToDouble(DetectorScanProperties::value).toArray();
        Arrays.sort(x);
        return x;
      });

  private static double value(int code) {
    if (code == -22 || code == -21) {
      return Double.NEGATIVE_INFINITY;
    }
    return code == 22 || code == 21 ? Double.POSITIVE_INFINITY : code * 0.5;
  }

  @Test
  void infiniteCountFromTheEndsEqualsAFullScan() {
    qt().withExamples(500).forAll(SORTED).checkAssert(x -> {
      int scanned = 0;
      for (double v : x) {
        if (Double.isInfinite(v)) {
          scanned++;
        }
      }
      assertThat(ColumnSample.infiniteCount(x)).isEqualTo(scanned);
    });
  }

  @Test
  void cappedDistinctCountDecidesAsTheFullCount() {
    qt().withExamples(500).forAll(SORTED, SORTED, integers().between(2, 40))
        .checkAssert((a, b, bins) -> {
          int full = StatisticalDriftDetector.distinctUnion(a, b, Integer.MAX_VALUE);
          int cap = StatisticalDriftDetector.distinctCap(bins);
          int capped = StatisticalDriftDetector.distinctUnion(a, b, cap);
          assertThat(capped).isEqualTo(Math.min(full, cap));
          assertThat(capped < 2).isEqualTo(full < 2);
          assertThat(capped > bins).isEqualTo(full > bins);
          for (int references : new int[] {10, DefaultTestSelection.SMALL_REFERENCE_ROWS + 1}) {
            assertThat(DefaultTestSelection.select(true, references, capped))
                .isEqualTo(DefaultTestSelection.select(true, references, full));
          }
        });
  }
}
