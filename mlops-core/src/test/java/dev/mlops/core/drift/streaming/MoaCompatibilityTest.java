package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import moa.classifiers.core.driftdetection.ADWIN;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MOA compatibility mode reproduces MOA 2024.07's drift and warning indices exactly, on every
 * stream of the test set ({@link Streams}), both sides at their defaults. MOA runs here, in test
 * scope; its code is not copied.
 */
class MoaCompatibilityTest {

  private record Pair(String name, Supplier<StreamingDriftDetector> ours,
      Supplier<? extends AbstractChangeDetector> moa, boolean errorRatesOnly) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Pair> PAIRS = List.of(
      new Pair("adwin", () -> new AdwinDetector(AdwinConfig.moa()), ADWINChangeDetector::new,
          false),
      new Pair("page-hinkley", () -> new PageHinkleyDetector(PageHinkleyConfig.moa()),
          PageHinkleyDM::new, false),
      new Pair("cusum", () -> new CusumDetector(CusumConfig.moa()), CusumDM::new, false),
      new Pair("ddm", () -> new DdmDetector(DdmConfig.moa()), DDM::new, true),
      new Pair("eddm", () -> new EddmDetector(EddmConfig.moa()), EDDM::new, true),
      new Pair("hddm-a", () -> new HddmADetector(HddmAConfig.moa()), HDDM_A_Test::new, true),
      new Pair("hddm-w", () -> new HddmWDetector(HddmWConfig.moa()), HDDM_W_Test::new, true));

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Pair p : PAIRS) {
      if (!p.errorRatesOnly()) {
        for (Map.Entry<String, double[]> s : Streams.realValued().entrySet()) {
          out.add(Arguments.of(p, s.getKey(), s.getValue()));
        }
      }
      for (Map.Entry<String, double[]> s : Streams.errorRates().entrySet()) {
        out.add(Arguments.of(p, s.getKey(), s.getValue()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void sameIndicesAsMoa(Pair pair, String stream, double[] values) {
    MoaReference.Trace moa = MoaReference.moa(pair.moa(), values);
    MoaReference.Trace ours = MoaReference.ours(pair.ours().get(), values);
    assertThat(ours.drifts()).as("drift indices").isEqualTo(moa.drifts());
    assertThat(ours.warnings()).as("warning indices").isEqualTo(moa.warnings());
  }

  @Test
  void theComparisonIsNotVacuous() {
    for (Pair p : PAIRS) {
      int drifts = 0;
      for (double[] s : Streams.errorRates().values()) {
        drifts += MoaReference.moa(p.moa(), s).drifts().size();
      }
      assertThat(drifts).as(p.name() + " drifts on the error streams").isPositive();
    }
    MoaReference.Trace ddm =
        MoaReference.moa(DDM::new, Streams.errors(21, 5000, 2000, 0.1, 0.3));
    assertThat(ddm.warnings()).isNotEmpty();
  }

  /**
   * Past 2^16-value buckets MOA's int arithmetic wraps (bucket size squared, size times width);
   * the compatibility mode wraps alike, so a shift after 600 000 stationary values is cut at the
   * same index.
   */
  @Test
  void adwinMatchesMoaOnAWindowPastTwoToTheSixteen() {
    double[] values = Streams.sudden(31, 650_000, 600_000, 0.3);
    MoaReference.Trace moa = MoaReference.moa(ADWINChangeDetector::new, values);
    MoaReference.Trace ours = MoaReference.ours(new AdwinDetector(AdwinConfig.moa()), values);
    assertThat(moa.drifts()).isNotEmpty();
    assertThat(ours).isEqualTo(moa);
  }

  /**
   * The wrapping shows in the variance once buckets of 2^16 values are dropped: MOA mode keeps
   * MOA's variance bit for bit, the default mode computes it exactly.
   */
  @Test
  void adwinVarianceIsMoasBitForBitAfterDroppingHugeBuckets() {
    double[] values = Streams.sudden(3, 700_000, 600_000, 0.3);
    ADWIN moa = new ADWIN();
    AdwinDetector compatible = new AdwinDetector(AdwinConfig.moa());
    AdwinDetector exact = new AdwinDetector(
        AdwinConfig.builder().direction(Direction.INCREASE).build());
    for (double v : values) {
      moa.setInput(v);
      compatible.add(v);
      exact.add(v);
    }
    assertThat(compatible.width()).isEqualTo(moa.getWidth()).isLessThan(600_000);
    assertThat(compatible.variance()).isEqualTo(moa.getVariance());
    assertThat(exact.variance()).isNotEqualTo(moa.getVariance())
        .isCloseTo(moa.getVariance(), Offset.offset(1e-3));
  }
}
