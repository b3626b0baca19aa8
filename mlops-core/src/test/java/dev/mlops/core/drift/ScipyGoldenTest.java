package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Every test against numbers computed with scipy 1.10.1 ({@code /usr/bin/python3}); the call is
 * named next to each number. The generated samples use only integer arithmetic and one division,
 * so Python and Java see bit-identical doubles: {@code gen(n, mult, mod, scale, offset)[i] =
 * ((i*mult) % mod) / mod * scale + offset}; {@code tie(n, mult, mod, levels, offset)[i] =
 * ((i*mult) % mod) % levels + offset}.
 */
class ScipyGoldenTest {
  private static final double[] SMALL_A = {1, 2, 3, 4, 5};
  private static final double[] SMALL_B = {2.5, 3.5, 6, 7};
  private static final double[] TIES_A = {1, 1, 2, 2, 3, 3, 4};
  private static final double[] TIES_B = {2, 2, 3, 3, 4, 4, 5};
  private static final double[] GEN300 = gen(300, 7919, 10007, 1.0, 0.0);
  private static final double[] GEN200 = gen(200, 104729, 10009, 1.2, 0.05);
  private static final double[] TIE500 = tie(500, 7919, 10007, 12, 0.0);
  private static final double[] TIE400 = tie(400, 104729, 10009, 12, 0.5);
  private static final double[] GEN12000 = gen(12000, 7919, 100003, 1.0, 0.0);
  private static final double[] GEN15000 = gen(15000, 104729, 100019, 1.0, 0.01);

  static double[] gen(int n, long mult, long mod, double scale, double offset) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (double) ((i * mult) % mod) / mod * scale + offset;
    }
    return x;
  }

  static double[] tie(int n, long mult, long mod, int levels, double offset) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (double) (((i * mult) % mod) % levels) + offset;
    }
    return x;
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  private static void same(TestResult r, double statistic, double p) {
    close(r.statistic(), statistic);
    close(r.pValue(), p);
  }

  @Test
  void ksMatchesScipyKs2samp() {
    // scipy.stats.ks_2samp(a, b) -> (statistic, pvalue)
    same(KolmogorovSmirnovTest.test(SMALL_A, SMALL_B), 0.5, 0.5634920634920635);
    same(KolmogorovSmirnovTest.test(TIES_A, TIES_B), 0.2857142857142857, 0.9627039627039629);
    same(KolmogorovSmirnovTest.test(GEN300, GEN200), 0.21333333333333335, 3.064344767147747e-05);
    same(KolmogorovSmirnovTest.test(TIE500, TIE400), 0.083, 0.08863944580949928);
    // max(n) > 10,000: asymptotic kstwo
    same(KolmogorovSmirnovTest.test(GEN12000, GEN15000), 0.010216666666666666, 0.4864551633656674);
  }

  @Test
  void millionVersusMillionMatchesScipy() {
    // the data of DriftTestBenchmark and mlops-benchmarks/scripts/peers.py (PeerData.drift*)
    double[] a = new double[1_000_000];
    double[] b = new double[1_000_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = (double) ((i * 7919L) % 1000003) / 1000003.0;
      b[i] = (double) ((i * 104729L) % 1000033) / 1000033.0 + 0.001;
    }
    // scipy.stats.ks_2samp(a, b), mannwhitneyu(a, b), wasserstein_distance(a, b)
    same(KolmogorovSmirnovTest.test(a, b), 0.0010050000000000336, 0.6930588185625544);
    same(MannWhitneyUTest.test(a, b), 498999796986.0, 0.014286160667835765);
    close(CdfDistance.wasserstein(a, b), 0.0010007035163585446);
  }

  @Test
  void largerExactAndAsymptoticRegionsMatchScipy() {
    // scipy.stats.ks_2samp: exact, unequal sizes (lattice paths) and equal sizes (square)
    same(KolmogorovSmirnovTest.test(gen(10000, 7919, 100003, 1.0, 0.0),
        gen(7000, 104729, 100019, 1.0, 0.02)), 0.0204, 0.06397538359007865);
    same(KolmogorovSmirnovTest.test(gen(9000, 7919, 100003, 1.0, 0.0),
        gen(9000, 104729, 100019, 1.0, 0.02)), 0.020444444444444446, 0.04648171884312206);
    // asymptotic, n·D² ≥ 2.2: twice the one-sided Smirnov sum
    same(KolmogorovSmirnovTest.test(gen(20000, 7919, 100003, 1.0, 0.0),
        gen(30000, 104729, 100019, 1.0, 0.03)), 0.03015000000000001, 6.542683823014808e-10);
    // scipy.stats.mannwhitneyu: exact distribution (a sample of at most 8, no ties)
    same(MannWhitneyUTest.test(gen(8, 7919, 10007, 1.0, 0.0), gen(8, 104729, 10009, 1.0, 0.2)),
        22.0, 0.32820512820512815);
    same(MannWhitneyUTest.test(gen(3, 7919, 10007, 1.0, 0.0), gen(500, 104729, 10009, 1.0, 0.2)),
        489.0, 0.31476128793951447);
    same(MannWhitneyUTest.test(gen(8, 7919, 10007, 1.0, 0.0), gen(400, 104729, 1000033, 1.0, 0.3)),
        882.0, 0.02788528057931414);
    same(MannWhitneyUTest.test(gen(4, 7919, 10007, 1.0, 0.0), gen(450, 104729, 1000033, 1.0, 0.05)),
        722.0, 0.5112944372226464);
    // scipy.stats.cramervonmises_2samp: exact, 20 vs 15
    same(CramerVonMisesTest.test(gen(20, 7919, 10007, 1.0, 0.0), gen(15, 104729, 10009, 1.0, 0.2)),
        0.23571428571428577, 0.21741908623795006);
  }

  @Test
  void mannWhitneyMatchesScipyTwoSided() {
    // scipy.stats.mannwhitneyu(a, b) -> (statistic, pvalue); SMALL is exact, the rest asymptotic
    same(MannWhitneyUTest.test(SMALL_A, SMALL_B), 5.0, 0.2857142857142857);
    same(MannWhitneyUTest.test(TIES_A, TIES_B), 13.0, 0.1482306079872279);
    same(MannWhitneyUTest.test(GEN300, GEN200), 22749.0, 4.626691473444609e-06);
    same(MannWhitneyUTest.test(TIE500, TIE400), 93609.0, 0.09881967759368905);
    same(MannWhitneyUTest.test(GEN12000, GEN15000), 88239330.0, 0.00566487310190919);
  }

  @Test
  void welchMatchesScipyTtestInd() {
    // scipy.stats.ttest_ind(a, b, equal_var=False)
    same(WelchTTest.test(SMALL_A, SMALL_B), -1.3816985594155151, 0.22067090453513033);
    same(WelchTTest.test(TIES_A, TIES_B), -1.681345614953415, 0.11851531903166251);
    same(WelchTTest.test(GEN300, GEN200), -4.916831799831427, 1.3215288055718599e-06);
    same(WelchTTest.test(TIE500, TIE400), -1.6579047691725741, 0.09770486546547637);
    same(WelchTTest.test(GEN12000, GEN15000), -2.780029537673936, 0.00543934520455694);
  }

  @Test
  void wassersteinAndEnergyMatchScipy() {
    // scipy.stats.wasserstein_distance(a, b), scipy.stats.energy_distance(a, b)
    close(CdfDistance.wasserstein(SMALL_A, SMALL_B), 1.75);
    close(CdfDistance.energy(SMALL_A, SMALL_B), 1.0954451150103324);
    close(CdfDistance.wasserstein(TIES_A, TIES_B), 1.0);
    close(CdfDistance.energy(TIES_A, TIES_B), 0.7284313590846837);
    close(CdfDistance.wasserstein(GEN300, GEN200), 0.14628516289305182);
    close(CdfDistance.energy(GEN300, GEN200), 0.20331940086855757);
    close(CdfDistance.wasserstein(TIE500, TIE400), 0.5);
    close(CdfDistance.energy(TIE500, TIE400), 0.2591138745802702);
    close(CdfDistance.wasserstein(GEN12000, GEN15000), 0.009830641458321186);
    close(CdfDistance.energy(GEN12000, GEN15000), 0.013879977362967508);
  }

  @Test
  void andersonMatchesScipyAndersonKsamp() {
    // scipy.stats.anderson_ksamp([a, b]) -> (statistic, significance_level)
    same(AndersonDarlingTest.test(SMALL_A, SMALL_B), 0.22350433741160752, 0.25);
    same(AndersonDarlingTest.test(TIES_A, TIES_B), 1.0925531338114056, 0.11560352731550859);
    same(AndersonDarlingTest.test(GEN300, GEN200), 18.014715170007346, 0.001);
    same(AndersonDarlingTest.test(TIE500, TIE400), 5.019884963303278, 0.003412284038615465);
    same(AndersonDarlingTest.test(GEN12000, GEN15000), 8.616744673205055, 0.001);
  }

  @Test
  void cramerVonMisesMatchesScipy() {
    // scipy.stats.cramervonmises_2samp(a, b); SMALL and TIES are exact, the rest asymptotic
    same(CramerVonMisesTest.test(SMALL_A, SMALL_B), 0.1870370370370369, 0.3888888888888889);
    same(CramerVonMisesTest.test(TIES_A, TIES_B), 0.22448979591836737, 0.2505827505827506);
    same(CramerVonMisesTest.test(GEN300, GEN200), 2.058003333333332, 9.38166217467895e-06);
    same(CramerVonMisesTest.test(TIE500, TIE400), 0.6509195370370264, 0.016766357428777523);
    same(CramerVonMisesTest.test(GEN12000, GEN15000), 0.640016090123936, 0.01783909759172342);
  }

  @Test
  void cramerVonMisesMatchesScipyDownToTheFloorAndIsMonotoneBelowIt() {
    // scipy 1.10.1: cramervonmises_2samp(gen(300, 7919, 10007, 1, 0), gen(200, 104729, 10009, 1, s))
    double[] a = gen(300, 7919, 10007, 1.0, 0.0);
    same(CramerVonMisesTest.test(a, gen(200, 104729, 10009, 1.0, 0.12)),
        1.5131200000000007, 0.00016020446251974185);
    same(CramerVonMisesTest.test(a, gen(200, 104729, 10009, 1.0, 0.14)),
        2.042419999999993, 1.0169242429802772e-05);
    // scipy's 1 - cdf is noise down here: 4.63e-7 (T 2.64), 6.8e-10 (T 4.02), 7.5e-11 (T 8.43),
    // 7.0e-10 (T 19.76). Reported as the documented bound instead.
    for (double shift : new double[] {0.16, 0.2, 0.3, 0.5}) {
      assertThat(CramerVonMisesTest.test(a, gen(200, 104729, 10009, 1.0, shift)).pValue())
          .isEqualTo(CramerVonMisesTest.P_VALUE_FLOOR);
    }
    double previous = 1;
    for (double shift = 0; shift <= 1.0; shift += 0.01) {
      double p = CramerVonMisesTest.test(a, gen(200, 104729, 10009, 1.0, shift)).pValue();
      assertThat(p).as("shift %s", shift).isLessThanOrEqualTo(previous);
      previous = p;
    }
  }

  @Test
  void chiSquareMatchesScipyChi2ContingencyWithoutYates() {
    // scipy.stats.chi2_contingency([ref, cur], correction=False) -> (chi2, p)
    same(ContingencyTests.chiSquare(new long[] {30, 50, 20}, new long[] {25, 45, 40}),
        6.9238799478033926, 0.031368848205023704);
    // a category seen only in current data: counted 0 in the reference, not an automatic p = 0
    same(ContingencyTests.chiSquare(new long[] {40, 60, 0}, new long[] {35, 50, 15}),
        16.242424242424242, 0.0002971682381229434);
    same(ContingencyTests.chiSquare(new long[] {120, 80}, new long[] {90, 110}),
        9.022556390977442, 0.0026666817936140982);
    same(ContingencyTests.chiSquare(new long[] {480000, 520000}, new long[] {495000, 505000}),
        450.281425891182, 6.264256937835162e-100);
  }

  @Test
  void zMatchesTwoSidedNormalTail() {
    // z as Evidently's proportions_diff_z_stat_ind; p = 2 * scipy.stats.norm.sf(abs(z))
    same(ContingencyTests.twoProportionZ(new long[] {120, 80}, new long[] {90, 110}),
        3.003757045930553, 0.0026666817936140935);
    same(ContingencyTests.twoProportionZ(new long[] {3, 7}, new long[] {8, 2}),
        -2.2473328748774732, 0.02461876138081519);
    same(ContingencyTests.twoProportionZ(new long[] {480000, 520000}, new long[] {495000, 505000}),
        -21.219835670692245, 6.26425693783207e-100);
  }

  @Test
  void fisherMatchesScipyFisherExact() {
    // scipy.stats.fisher_exact([ref, cur]) -> (odds ratio, p)
    same(ContingencyTests.fisherExact(new long[] {120, 80}, new long[] {90, 110}),
        1.8333333333333333, 0.0036351855558814402);
    same(ContingencyTests.fisherExact(new long[] {3, 7}, new long[] {8, 2}),
        0.10714285714285714, 0.06977851869492736);
    same(ContingencyTests.fisherExact(new long[] {480000, 520000}, new long[] {495000, 505000}),
        0.9417249417249417, 6.401142816321037e-100);
  }

  @Test
  void binnedDistancesMatchScipy() {
    // psi and kl on smoothed proportions: p, q = counts / sum, zeros -> 1e-4, renormalised;
    //   psi = sum((q-p)*log(q/p)); kl = scipy.stats.entropy(p, q).
    // js, hellinger and tvd on the raw proportions p, q = counts / sum (scipy 1.10.1):
    //   js = scipy.spatial.distance.jensenshannon(p, q, base=2);
    //   hellinger = sqrt(0.5*sum((sqrt(p)-sqrt(q))**2)); tvd = 0.5*sum(abs(p-q))
    long[][][] cases = {
      {{30, 50, 20}, {25, 45, 40}}, {{40, 60, 0}, {35, 50, 15}}, {{3, 7}, {8, 2}}
    };
    double[][] expected = {
      {0.1362620623728083, 0.15587751206032707, 0.0640574685594353, 0.13014051719011638,
        0.16363636363636364},
      {1.1211442555391289, 0.281933541272691, 0.16195796829081038, 0.2794847112409546,
        0.15000000000000002},
      {1.116796110753547, 0.4372241495260536, 0.5826853020432394, 0.3686954200501686, 0.5}
    };
    for (int c = 0; c < cases.length; c++) {
      long[] p = cases[c][0];
      long[] q = cases[c][1];
      close(BinnedDistance.psi(p, q), expected[c][0]);
      close(BinnedDistance.jensenShannon(p, q), expected[c][1]);
      close(BinnedDistance.kl(p, q), expected[c][2]);
      close(BinnedDistance.hellinger(p, q), expected[c][3]);
      close(BinnedDistance.totalVariation(p, q), expected[c][4]);
    }
  }

  @Test
  void jsHellingerAndTvdUseRawProportionsWhenACategoryIsEmptyOnOneSide() {
    // scipy 1.10.1 on p, q = counts / sum, no zero-fill (Evidently's JS does not fill zeros either)
    long[] ref = {50, 50, 0};
    long[] cur = {10, 20, 70};
    close(BinnedDistance.jensenShannon(ref, cur), 0.7091551836567035);
    close(BinnedDistance.hellinger(ref, cur), 0.6783549485580416);
    close(BinnedDistance.totalVariation(ref, cur), 0.7);
    // Disjoint supports are as far apart as distributions get: exactly 1, not 1 - O(1e-4).
    long[] left = {0, 30, 0, 70};
    long[] right = {25, 0, 75, 0};
    assertThat(BinnedDistance.jensenShannon(left, right)).isEqualTo(1.0);
    assertThat(BinnedDistance.hellinger(left, right)).isEqualTo(1.0);
    assertThat(BinnedDistance.totalVariation(left, right)).isEqualTo(1.0);
  }

  @Test
  void badInputIsRejectedWithTheReason() {
    assertThatThrownBy(() -> KolmogorovSmirnovTest.test(new double[0], SMALL_B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a needs at least 1 values, had 0");
    assertThatThrownBy(() -> MannWhitneyUTest.test(SMALL_A, new double[] {1, Double.NaN}))
        .hasMessageContaining("b must hold finite values, had NaN at index 1");
    assertThatThrownBy(() -> WelchTTest.test(new double[] {1, 1}, new double[] {1, 1}))
        .hasMessageContaining("both samples are constant");
    assertThatThrownBy(() -> ContingencyTests.chiSquare(new long[] {5}, new long[] {7}))
        .hasMessageContaining("at least 2 categories, had 1");
    assertThatThrownBy(() -> AndersonDarlingTest.test(new double[] {2, 2}, new double[] {2, 2}))
        .hasMessageContaining("more than one distinct value");
  }
}
