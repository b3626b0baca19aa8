package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleSorterTest {

  @Test
  void sortsLikeArraysSortIncludingSignedZerosInfinitiesAndDuplicates() {
    double[] specials = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
    for (long seed = 1; seed <= 5; seed++) {
      Random r = new Random(seed);
      double[] x = new double[20_000 + (int) seed * 1000];
      for (int i = 0; i < x.length; i++) {
        x[i] = switch (r.nextInt(4)) {
          case 0 -> specials[r.nextInt(specials.length)];
          case 1 -> r.nextInt(10) - 5.0; // many duplicates
          case 2 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
          default -> Double.longBitsToDouble(r.nextLong()); // any bit pattern, NaN included
        };
      }
      double[] expected = x.clone();
      Arrays.sort(expected);
      DoubleSorter.sort(x);
      assertThat(Arrays.equals(x, expected)).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void narrowRangesSkipPassesAndStaySorted() {
    double[] x = new double[50_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1.0 + ((i * 7919L) % 50_000) * 1e-12;
    }
    double[] expected = x.clone();
    Arrays.sort(expected);
    DoubleSorter.sort(x);
    assertThat(x).isEqualTo(expected);
  }
}
