package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.profile.CategoricalProfile;
import dev.mlops.profile.ColumnProfile;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.NumericProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Merging is commutative (same bytes either way), associative and agrees with profiling the whole
 * data: counts, extremes, small domains and categorical counts exactly; moments to rounding;
 * quantile ranks within the sketch's bound.
 */
class ProfileMergeProperties {
  private static final ProfileConfig CONFIG = ProfileConfig.builder().quantileAccuracy(32).build();

  /** A dataset of n rows: a normal column with gaps, a 3-valued column, 6 categories. */
  private static Dataset data(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] small = new double[n];
    List<String> c = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() < 0.05 ? Double.NaN : r.nextGaussian() * 10 + 3;
      small[i] = r.nextInt(3);
      c.add(r.nextDouble() < 0.1 ? null : "c" + r.nextInt(6));
    }
    return Dataset.of(NumericColumn.of("x", x), NumericColumn.of("small", small),
        CategoricalColumn.of("c", c));
  }

  private static Dataset rows(Dataset d, int from, int to) {
    int[] idx = new int[to - from];
    Arrays.setAll(idx, i -> from + i);
    return d.selectRows(idx);
  }

  @Test
  void mergeIsCommutativeToTheByte() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 400), integers().between(0, 400))
        .checkAssert((seed, na, nb) -> {
          DatasetProfile a = Profiles.of(data(seed, na), CONFIG);
          DatasetProfile b = Profiles.of(data(seed + 1, nb), CONFIG);
          assertThat(ProfileCodec.toBinary(a.merge(b))).isEqualTo(ProfileCodec.toBinary(b.merge(a)));
        });
  }

  @Test
  void mergeIsAssociativeAndAgreesWithTheWhole() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 3000), integers().between(0, 1000),
            integers().between(0, 1000))
        .checkAssert((seed, n, cut1, cut2) -> {
          Dataset whole = data(seed, n);
          int i = Math.min(cut1, n);
          int j = Math.min(n, i + cut2);
          DatasetProfile a = Profiles.of(rows(whole, 0, i), CONFIG);
          DatasetProfile b = Profiles.of(rows(whole, i, j), CONFIG);
          DatasetProfile c = Profiles.of(rows(whole, j, n), CONFIG);
          DatasetProfile left = a.merge(b).merge(c);
          DatasetProfile right = a.merge(b.merge(c));
          DatasetProfile all = Profiles.of(whole, CONFIG);
          for (DatasetProfile merged : List.of(left, right)) {
            assertThat(merged.rowCount()).isEqualTo((long) n);
            for (ColumnProfile expected : all.columns()) {
              agree(merged.find(expected.name()).orElseThrow(), expected, whole);
            }
          }
        });
  }

  private static void agree(ColumnProfile merged, ColumnProfile whole, Dataset data) {
    assertThat(merged.count()).isEqualTo(whole.count());
    assertThat(merged.missingCount()).isEqualTo(whole.missingCount());
    if (whole instanceof NumericProfile w) {
      NumericProfile m = (NumericProfile) merged;
      assertThat(m.min()).isEqualTo(w.min());
      assertThat(m.max()).isEqualTo(w.max());
      assertThat(m.smallDomain()).isEqualTo(w.smallDomain());
      if (w.finiteCount() > 0) {
        assertThat(m.mean()).isCloseTo(w.mean(), within(1e-9 * (1 + Math.abs(w.mean()))));
        assertThat(m.variance()).isCloseTo(w.variance(), within(1e-9 * (1 + w.variance())));
        double[] sorted = ((NumericColumn) data.column(w.name())).presentValues();
        Arrays.sort(sorted);
        for (double q : new double[] {0.1, 0.5, 0.9}) {
          double v = m.quantile(q);
          double rank = exactRankShare(sorted, v);
          // the rank of the estimate is within the bound (and the width of one value's ties)
          assertThat(Math.abs(rank - q)).isLessThanOrEqualTo(m.rankError() + tieWidth(sorted, v)
              + 1.0 / sorted.length);
        }
      }
    } else {
      CategoricalProfile m = (CategoricalProfile) merged;
      CategoricalProfile w = (CategoricalProfile) whole;
      assertThat(m.frequentItems()).isEqualTo(w.frequentItems());
      assertThat(m.exact()).isTrue();
      assertThat(m.distinctCount()).isEqualTo(w.distinctCount());
    }
  }

  private static double exactRankShare(double[] sorted, double v) {
    long below = Arrays.stream(sorted).filter(x -> x < v).count();
    return (double) below / sorted.length;
  }

  private static double tieWidth(double[] sorted, double v) {
    return (double) Arrays.stream(sorted).filter(x -> x == v).count() / sorted.length;
  }
}
